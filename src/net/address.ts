import ipaddr from 'ipaddr.js'

/**
 * Why an address may not be fetched (SSRF), or null for a public unicast address. Everything ipaddr.js does not
 * call plain `unicast` is refused: loopback, private (RFC 1918), carrier-grade NAT, link-local (169.254/16, the
 * cloud metadata address among them, and fe80::/10), unique-local (fc00::/7), unspecified (0.0.0.0, ::),
 * multicast, broadcast, reserved and documentation ranges, and IPv6 forms that carry an IPv4 address (6to4,
 * Teredo, NAT64), which could carry a private one. An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as
 * the IPv4 address it maps.
 */
export function addressProblem(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  if (!ipaddr.isValid(bare)) return `${address} is not an IP address`
  const ip = ipaddr.process(bare) // an IPv4-mapped IPv6 address comes back as IPv4
  const range = ip.range()
  return range === 'unicast' ? null : `${address} is a ${RANGE_WORDS[range] ?? range} address`
}

/** True for a public unicast address (see addressProblem). */
export const isPublicAddress = (address: string): boolean => addressProblem(address) === null

const RANGE_WORDS: Record<string, string> = {
  loopback: 'loopback', private: 'private (RFC 1918)', linkLocal: 'link-local', uniqueLocal: 'unique-local',
  unspecified: 'unspecified', multicast: 'multicast', broadcast: 'broadcast', carrierGradeNat: 'carrier-grade NAT',
  reserved: 'reserved', ipv4Mapped: 'IPv4-mapped', '6to4': '6to4', teredo: 'Teredo', rfc6052: 'NAT64', rfc6145: 'IPv4-translated',
}
