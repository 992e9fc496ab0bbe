/**
 * Passwords that appear at the top of every breach list (from the public SecLists "top
 * 10,000" and NCSC's "100,000 most used" lists), shipped in the repo so the check needs no
 * network. A password is refused when it is on the list, or when it is a listed word with
 * digits and symbols added before or after ("Password2024!"), which is how most people
 * stretch a short password to a minimum length.
 */
const COMMON = `
123456 123456789 12345678 1234567890 12345 1234567 123123 111111 000000 654321 666666 121212
112233 123321 123654 159753 147258369 987654321 0987654321 1q2w3e4r 1q2w3e4r5t 1qaz2wsx
zaq12wsx qwerty qwerty123 qwertyuiop qwertyuiop123 qwert asdfgh asdfghjkl zxcvbnm
zxcvbnm123 password password1 password123 passw0rd p@ssw0rd p@ssword pass1234 passwort
letmein letmein123 welcome welcome1 welcome123 admin admin123 administrator root toor
login abc123 abcd1234 abcdef iloveyou iloveyou1 princess dragon monkey football baseball
soccer rugby cricket liverpool arsenal chelsea manchester tottenham london england wales
cymru scotland britain shadow master superman batman trustno1 sunshine starwars whatever
freedom qazwsx michael jennifer jessica charlie daniel thomas hannah michelle ashley
nicole matthew andrew joshua robert george william jordan hunter harley ranger buster
tigger pepper ginger cookie summer winter autumn spring flower flowers hello hello123
hellohello changeme changeme123 secret secret123 default guest test test123 testing
computer internet google yahoo linkedin facebook samsung apple mypassword mypass
nopassword blahblah aaaaaa aaaaaaaaaaaa 123qwe qwe123 qweasd qweasdzxc 1qazxsw2
passwordpassword password1234 password12345 letmeinplease iloveyou123 1234567891011
123456789012 111111111111 000000000000 abc123456789 qwerty123456 correcthorsebatterystaple
portal citizen citizenportal council government govuk service helpdesk library jobcentre
adviser advisor auditor support staff office
`

const LIST = new Set(COMMON.split(/\s+/).filter(Boolean))

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase()
  if (LIST.has(lower)) return true
  // The word at the heart of "Password2024!" or "!!letmein123": digits and symbols at either end.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '')
  if (core && LIST.has(core)) return true
  // The same word over and over ("londonlondonlondon").
  const repeated = /^(.+?)\1+$/.exec(core)
  return Boolean(repeated?.[1] && (LIST.has(repeated[1]) || repeated[1].length < 4))
}
