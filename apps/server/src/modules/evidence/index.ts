/** The evidence module's door: the Merkle log of exchanges and audited changes (contracts §4). */
export { EvidenceLog, prepareEntries, type EvidenceExport, type Checkpoint, type PreparedEntry } from './evidence.service';
export { evidenceRoutes, InclusionOut, ProvenLeavesOut } from './evidence.routes';
export { verifyExport, type VerifyReport } from './evidence.verify';
export { EvidenceSequencer } from './evidence.worker';
