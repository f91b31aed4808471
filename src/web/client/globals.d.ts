// Vendor libraries loaded by <script src="/vendor/…"> before the app (UMD globals), typed from their packages.
export {}
declare global {
  const d3: typeof import('d3')
  const cytoscape: typeof import('cytoscape')
  const topojson: typeof import('topojson-client')
}
