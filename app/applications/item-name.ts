import type { AddAnotherPage } from './definition'
import type { Address, Item } from './answers'

/** How an item is named in lists and "remove" questions: "Amy Jones", "1 High St, CF10 1AA". */
export function itemName(page: AddAnotherPage, item: Item): string {
  return page.itemName
    .map((id) => {
      const value = item[id]
      if (typeof value === 'string') return value
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const address = value as Address
        return `${address.line1}, ${address.postcode}`
      }
      return ''
    })
    .filter(Boolean)
    .join(' ')
}
