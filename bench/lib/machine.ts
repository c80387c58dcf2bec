import os from 'node:os';
import type { MachineInfo, Scale } from './types';

/** Describes the machine this run is on, so figures from different machines are not compared blindly. */
export function describeMachine(scale: Scale): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch} ${os.release()}`,
    date: new Date().toISOString(),
    scale,
  };
}
