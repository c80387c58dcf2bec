import { verifyMerkleInclusion } from '@shuyuan/contracts';
import { sm2, sm3 } from 'sm-crypto-v2';

/** The SM2 distinguishing ID the node signs checkpoints with (GB/T 35276's default). */
const USER_ID = '1234567812345678';

export function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** SM3(0x00 ‖ entry): the leaf hash of an entry (RFC 6962 with SM3). */
export function leafHashOf(entry: string): string {
  return sm3(concat(Uint8Array.of(0), new TextEncoder().encode(entry)));
}

const nodeHash = (left: Uint8Array, right: Uint8Array) => hexToBytes(sm3(concat(Uint8Array.of(1), left, right)));

/** Whether `proof` shows the leaf at `index` in the tree of `size` leaves whose root is `root` (hex throughout), computed here. */
export function verifyInclusion(leafHash: string, index: number, size: number, proof: readonly string[], root: string): boolean {
  return verifyMerkleInclusion(nodeHash, hexToBytes(leafHash), index, size, proof.map(hexToBytes), hexToBytes(root));
}

/** Whether a checkpoint's text carries the node's SM2 signature (DER, hex). */
export function verifyCheckpointSignature(publicKey: string, body: string, signature: string): boolean {
  try {
    return sm2.doVerifySignature(new TextEncoder().encode(body), signature, publicKey, { der: true, hash: true, userId: USER_ID });
  } catch {
    return false;
  }
}
