/**
 * The console page of an entry's mounts (挂接): the list, the mount wizard and the review buttons.
 * Catalog pages link here, e.g. `<LinkButton to={mountsPath(entry.id)}>`.
 */
export const mountsPath = (entryId: string) => `/console/catalog/${entryId}/mounts`;
