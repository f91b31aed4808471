/** Disjoint sets over 0..n-1 with path halving and union by size. */
export class UnionFind {
  private readonly parent: Int32Array
  private readonly size: Int32Array
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i)
    this.size = new Int32Array(n).fill(1)
  }
  find(x: number): number {
    while (this.parent[x] !== x) { this.parent[x] = this.parent[this.parent[x]]; x = this.parent[x] }
    return x
  }
  union(a: number, b: number): number {
    let ra = this.find(a), rb = this.find(b)
    if (ra === rb) return ra
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra]
    this.parent[rb] = ra
    this.size[ra] += this.size[rb]
    return ra
  }
  /** Members of every set, each set in ascending order. */
  groups(): number[][] {
    const m = new Map<number, number[]>()
    for (let i = 0; i < this.parent.length; i++) { const r = this.find(i); const g = m.get(r); if (g) g.push(i); else m.set(r, [i]) }
    return [...m.values()]
  }
}
