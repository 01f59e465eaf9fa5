/** A small seeded PRNG (mulberry32) so simulated accounts and feeds are reproducible with --seed. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
}

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Radia',
  'Tim',
  'Margaret',
  'John',
  'Sofía',
  'Zoë',
  "D'Arcy",
  'Jean-Luc',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Perlman',
  'Berners-Lee',
  'Hamilton',
  'McCarthy',
  'Núñez',
  "O'Brien",
  'Smith, Jr.',
  'Ng',
];

export function personName(r: Random): { firstName: string; lastName: string } {
  return { firstName: r.pick(FIRST), lastName: r.pick(LAST) };
}
