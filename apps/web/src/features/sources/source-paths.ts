/** The console page listing data sources. */
export const sourcesPath = '/console/sources';

/** The console page of one source: its connection, last test, tables and columns. */
export const sourcePath = (id: string) => `${sourcesPath}/${id}`;
