export * from './identifiers';
export * from './identity';
export * from './errors';
export * from './permissions';
export * from './catalog';
export * from './merkle-verify';
export * from './masking';
export * from './exchange';
