// robots.txt: the newsroom and comment endpoints are not for crawlers; the sitemap index is named
// with its absolute address, as the robots exclusion standard (RFC 9309) asks.
export function robotsTxt(publicUrl: string): string {
  return [
    'User-agent: *',
    'Disallow: /newsroom/',
    'Disallow: /comments/',
    'Allow: /',
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    '',
  ].join('\n')
}
