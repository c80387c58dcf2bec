/** The same free-port helper the server's process tests use. */
export { freePort as findFreePort } from '../../apps/server/test/processes';
