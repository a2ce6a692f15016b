/** "1.4 GB", "820 KB": sizes as an analyst reads them (binary multiples). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

/**
 * Two sizes side by side, exact to the byte when rounding would make them read the same
 * ("2,147,483,649 bytes" over "2,147,483,648 bytes", not "2.0 GB" over "2.0 GB").
 */
export function formatBytesApart(size: number, other: number): [string, string] {
  if (size === other || formatBytes(size) !== formatBytes(other))
    return [formatBytes(size), formatBytes(other)]
  return [`${size.toLocaleString('en-US')} bytes`, `${other.toLocaleString('en-US')} bytes`]
}
