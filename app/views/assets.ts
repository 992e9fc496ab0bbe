import fs from 'node:fs'
import path from 'node:path'
import { PUBLIC_DIR } from '../paths'

/**
 * Maps a logical asset name (`css/govuk.css`) to its fingerprinted URL. Read once at
 * start-up from the manifest the build writes; when the assets have not been built (unit
 * tests), logical names are used as they are.
 */
export function assetUrls(publicDir = PUBLIC_DIR): (logical: string) => string {
  const file = path.join(publicDir, 'asset-manifest.json')
  const manifest: Record<string, string> = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>)
    : {}
  return (logical) => `/assets/${manifest[logical] ?? logical}`
}
