/**
 * The platform's store (物理接入): one schema per department, named from its agency code (统一社会信用代码),
 * one table per resource. A department's APIs and jobs may read and write only its own schema.
 */
export function storeSchemaOf(agencyCode: string): string {
  return `store_${agencyCode.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}
