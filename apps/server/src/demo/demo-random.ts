import { orgCodeCheckChar, usccCheckChar } from '@shuyuan/contracts';

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same demo data. */
export class DemoRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  /** Random bytes as lower-case hex, for deterministic demo keys. */
  hex(bytes: number): string {
    let s = '';
    for (let i = 0; i < bytes; i++) s += this.int(0, 255).toString(16).padStart(2, '0');
    return s;
  }
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉玉兰萍鹏宇浩然子涵梓轩雨欣思远晓东海燕志强立新红梅春生德明永庆学文'.split(
    '',
  );

/** A plausible Chinese personal name. */
export function personName(rng: DemoRandom): string {
  const given = rng.pick(GIVEN) + (rng.next() < 0.6 ? rng.pick(GIVEN) : '');
  return rng.pick(SURNAMES) + given;
}

/** A valid mobile number. */
export function mobile(rng: DemoRandom): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.digits(9)}`;
}

/**
 * A valid 统一社会信用代码 of a government organ (department code 1, organ type 1) registered in the
 * given division, with valid check characters for the organisation code and the whole code.
 */
export function organUscc(rng: DemoRandom, divisionCode: string): string {
  const orgBody = '0' + rng.digits(7);
  const org = orgBody + orgCodeCheckChar(orgBody);
  const first17 = `11${divisionCode}${org}`;
  return first17 + usccCheckChar(first17);
}
