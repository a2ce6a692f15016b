import type { SeededRandom } from './random'

const FIRST_NAMES = [
  'Dana',
  'Luis',
  'Priya',
  'Marcus',
  'Aisha',
  'Ethan',
  'Mei',
  'Jordan',
  'Fatima',
  'Noah',
  'Sofia',
  'Daniel',
  'Keisha',
  'Owen',
  'Hannah',
  'Mateo',
  'Chloe',
  'Andre',
  'Nadia',
  'Liam',
  'Grace',
  'Tomás',
  'Amara',
  'Ryan',
  'Elena',
  'Kwame',
  'Zoe',
  'Samuel',
  'Leila',
  'Caleb',
  'Ines',
  'Darius',
  'Yuki',
  'Gabriel',
  'Rosa',
  'Isaac',
  'Maya',
  'Julien',
  'Olivia',
  'Hamid',
  'Camille',
  'Trevor',
  'Ana',
  'Malik',
  'Sienna',
  'Victor',
]
const LAST_NAMES = [
  'Okafor',
  'Ferreira',
  'Patel',
  'Johnson',
  'Nguyen',
  'Tremblay',
  'Garcia',
  'Chen',
  'Williams',
  'Roy',
  'Martinez',
  'Kowalski',
  'Singh',
  'Brown',
  'Gagnon',
  'Hernandez',
  'Ahmed',
  'Thompson',
  'Lee',
  'MacDonald',
  'Rossi',
  'Kim',
  'Davis',
  'Bouchard',
  'Lopez',
  'Osei',
  'Murphy',
  'Silva',
  'Cohen',
  'Wilson',
  'Haddad',
  'Clarke',
]

export interface DemoPerson {
  name: string
  firstName: string
}

export function demoPerson(random: SeededRandom): DemoPerson {
  const firstName = random.pick(FIRST_NAMES)
  return { firstName, name: `${firstName} ${random.pick(LAST_NAMES)}` }
}

const MAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com']

export function demoEmail(random: SeededRandom, person: DemoPerson): string {
  const [first, last] = person.name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .split(' ')
  return `${first}.${last}${random.int(1, 99)}@${random.pick(MAIL_DOMAINS)}`
}

/** North American numbers in the 555-01xx range reserved for fiction. */
export function demoPhone(random: SeededRandom, areaCode: string): string {
  return `+1 (${areaCode}) 555-01${random.digits(2)}`
}

/** The analysts of the demo team (fictional). */
export const DEMO_ANALYSTS = [
  { id: 'analyst-004', name: 'Morgan Reyes' },
  { id: 'analyst-009', name: 'Avery Lindqvist' },
  { id: 'analyst-012', name: 'Jamie Okonkwo' },
  { id: 'analyst-017', name: 'Riley Chen' },
  { id: 'analyst-021', name: 'Taylor Brennan' },
  { id: 'analyst-026', name: 'Casey Moreau' },
  { id: 'analyst-030', name: 'Quinn Adeyemi' },
  { id: 'analyst-033', name: 'Alex Novak' },
  { id: 'analyst-038', name: 'Sasha Kaur' },
  { id: 'analyst-041', name: 'Drew Castillo' },
  { id: 'analyst-045', name: 'Robin Fraser' },
  { id: 'analyst-052', name: 'Jesse Tanaka' },
] as const
