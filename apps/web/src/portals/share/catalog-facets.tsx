import { useState } from 'react';
import { Button, Card, Checkbox, Flex, Typography } from 'antd';
import { codeLabel } from '@/features/catalog/catalog-labels';
import { facetCodeList, shareFacets, type CatalogSearchState, type FacetName } from '@/features/catalog/catalog-query';
import type { CatalogSearchResult, FacetBucket } from '@/features/catalog/catalog-types';
import { useT, type Translate } from '@/i18n/lang-provider';

const SHOWN = 8;

/** The label of a facet value: departments as the API names them, code values in the UI language. */
export function facetValueLabel(t: Translate, facet: FacetName, bucket: Pick<FacetBucket, 'value' | 'label'>): string {
  if (facet === 'department') return bucket.label ?? bucket.value;
  return codeLabel(t, facetCodeList[facet], bucket.value);
}

function FacetGroup({
  facet,
  buckets,
  selected,
  onToggle,
}: {
  facet: FacetName;
  buckets: FacetBucket[];
  selected: string[];
  onToggle: (value: string) => void;
}) {
  const t = useT();
  const [expanded, setExpanded] = useState(false);
  // A chosen value stays visible even when no result holds it any more, so it can be unchecked.
  const missing = selected.filter((value) => !buckets.some((b) => b.value === value)).map((value) => ({ value, count: 0 }));
  const all = [...buckets, ...missing];
  const shown = expanded ? all : all.slice(0, SHOWN);
  return (
    <Card size="small" title={t(`catalog.facet.${facet}`)} data-testid={`facet-${facet}`}>
      <Flex vertical gap={4}>
        {shown.map((bucket) => (
          <Checkbox
            key={bucket.value}
            checked={selected.includes(bucket.value)}
            onChange={() => onToggle(bucket.value)}
            data-testid={`facet-${facet}-${bucket.value}`}
          >
            <Flex justify="space-between" gap={8} style={{ width: '100%' }}>
              <span>{facetValueLabel(t, facet, bucket)}</span>
              <Typography.Text type="secondary">{bucket.count}</Typography.Text>
            </Flex>
          </Checkbox>
        ))}
        {all.length > SHOWN && (
          <Button type="link" size="small" style={{ alignSelf: 'flex-start', paddingInline: 0 }} onClick={() => setExpanded(!expanded)}>
            {expanded ? t('catalog.facet.less') : t('catalog.facet.more', { count: all.length - SHOWN })}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

/** The facet filters beside the results, counted by the API with every other filter applied. */
export function CatalogFacets({
  facets,
  state,
  onToggle,
}: {
  facets: CatalogSearchResult['facets'] | undefined;
  state: CatalogSearchState;
  onToggle: (facet: FacetName, value: string) => void;
}) {
  return (
    <Flex vertical gap={12} data-testid="catalog-facets">
      {shareFacets.map((facet) => {
        const buckets = facets?.[facet] ?? [];
        const selected = state.filters[facet] ?? [];
        if (buckets.length === 0 && selected.length === 0) return null;
        return <FacetGroup key={facet} facet={facet} buckets={buckets} selected={selected} onToggle={(value) => onToggle(facet, value)} />;
      })}
    </Flex>
  );
}
