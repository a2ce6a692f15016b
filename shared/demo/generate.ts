import type {
  Actor,
  AuditEntry,
  CaseFile,
  CaseStatus,
  Communication,
  Determination,
  Evidence,
  GeoPoint,
  IncidentCategory,
  OrderRecord,
  Party,
  Severity,
  SlaClockEvent,
  Task,
  TimelineEvent,
} from '../domain'
import { CASE_STATUS_INFO, formatCaseNumber, INVESTIGATION_CHECKLISTS, TASK_POSITION_STEP } from '../domain'
import type { HashBytes } from '../hashing/sha256'
import { caseSlaInstants, openingSlaEvent } from '../rules/sla/case-sla'
import { DEFAULT_SLA_POLICY } from '../rules/sla/policy'
import { targetMs } from '../rules/sla/working-time'
import { CATEGORY_STORIES, type StoryContext } from './narratives'
import { type DemoOrderInput, demoOrder } from './order'
import { DEMO_ANALYSTS, demoEmail, demoPerson, demoPhone } from './people'
import { demoPhoto, PHONE_MODELS } from './photo'
import { DEMO_CITIES, type DemoCity, demoStore, demoStreetAddress } from './places'
import { SeededRandom } from './random'
import { type ChatMessage, chatAsCsv, chatAsJson } from './transcript'

export interface DemoOptions {
  /** Same seed and options give byte-identical output. */
  seed: number
  /** 1 to 100,000 cases. */
  count: number
  /** Cases are opened over the 120 days before this instant (ISO). */
  now: string
  /** Case numbers run from this sequence on (CR-<year>-<sequence>). */
  firstSequence: number
}

export interface DemoCase {
  caseFile: CaseFile
  evidenceFiles: Array<{ sha256: string; bytes: Uint8Array }>
}

/** Every demo case carries this tag so it can be found and removed. */
export const DEMO_TAG = 'demo'
export const DEMO_ACTOR: Actor = { id: 'demo-generator', name: 'Demo data generator' }

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const SPAN_DAYS = 120

const iso = (ms: number) => new Date(ms).toISOString()

function localExifTime(ms: number, city: DemoCity): { stamp: string; offset: string; clock: string } {
  const local = new Date(ms + city.utcOffsetMinutes * MINUTE).toISOString()
  const sign = city.utcOffsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(city.utcOffsetMinutes)
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
  const [hours, minutes] = [Number(local.slice(11, 13)), local.slice(14, 16)]
  const clock = `${((hours + 11) % 12) + 1}:${minutes} ${hours < 12 ? 'a.m.' : 'p.m.'}`
  return { stamp: `${local.slice(0, 10).replaceAll('-', ':')} ${local.slice(11, 19)}`, offset, clock }
}

/**
 * The status history the SLA clocks replay, consistent with the case's final status: responded
 * (triage or investigating), sometimes a wait on a party (the clock pauses), review, resolved, closed.
 */
function demoSlaEvents(
  random: SeededRandom,
  story: {
    opened: number
    severity: Severity
    status: CaseStatus
    respondedAt: number | null
    resolvedAt: number | null
    end: number
  },
): SlaClockEvent[] {
  const { opened, status, respondedAt, resolvedAt, end } = story
  const events: SlaClockEvent[] = [openingSlaEvent(iso(opened), 'new', story.severity)]
  if (respondedAt === null) return events
  let last = respondedAt
  const change = (at: number, to: CaseStatus) => {
    last = Math.max(last + MINUTE, at)
    events.push({ type: 'status', at: iso(last), status: to })
  }
  events.push({
    type: 'status',
    at: iso(respondedAt),
    status: status === 'triage' ? 'triage' : 'investigating',
  })
  if (status === 'triage') return events
  const until = resolvedAt ?? end
  const span = until - respondedAt
  if (status === 'awaiting_party') {
    change(respondedAt + span * random.next() * 0.6, 'awaiting_party')
    return events
  }
  if (random.chance(0.35)) {
    change(respondedAt + span * random.next() * 0.3, 'awaiting_party')
    change(last + (until - last) * (0.1 + random.next() * 0.3), 'investigating')
  }
  if (status === 'pending_review')
    change(last + (until - last) * (0.2 + random.next() * 0.6), 'pending_review')
  if (resolvedAt !== null) {
    change(resolvedAt, 'resolved')
    if (status === 'closed') change(Math.min(end, resolvedAt + random.int(1, 72) * HOUR), 'closed')
  }
  return events
}

/** Older cases are further along the workflow. */
function statusForAge(random: SeededRandom, ageDays: number): CaseStatus {
  if (ageDays < 1) return random.weighted({ new: 5, triage: 3, investigating: 2 })
  if (ageDays < 7)
    return random.weighted({
      new: 1,
      triage: 2,
      investigating: 5,
      awaiting_party: 3,
      pending_review: 1,
      resolved: 2,
    })
  if (ageDays < 21)
    return random.weighted({ investigating: 2, awaiting_party: 2, pending_review: 1, resolved: 5, closed: 2 })
  return random.weighted({ investigating: 1, awaiting_party: 1, resolved: 4, closed: 10 })
}

const CATEGORY_WEIGHTS = Object.fromEntries(
  Object.entries(CATEGORY_STORIES).map(([category, story]) => [category, story.weight]),
) as Record<IncidentCategory, number>

/** The example library's clauses each category's determinations consider (see example-policies.ts). */
const CATEGORY_CLAUSES: Record<IncidentCategory, readonly string[]> = {
  property_damage: ['PD-1'],
  vehicle_incident: ['SAFE-1', 'SC-3'],
  injury_safety: ['SAFE-2'],
  harassment_threat: ['CC-2', 'CC-3'],
  sexual_misconduct: ['CC-3', 'SAFE-3'],
  theft_missing_items: ['FR-1'],
  fraud_account_integrity: ['FR-1', 'FR-3'],
  alcohol_age_restricted: ['ALC-1'],
  food_safety: ['SC-1'],
  discrimination: ['CC-1', 'SC-1'],
  account_behaviour: ['FR-2'],
}

export function* generateDemoCases(options: DemoOptions, hashBytes: HashBytes): Generator<DemoCase> {
  if (!Number.isInteger(options.count) || options.count < 1 || options.count > 100_000) {
    throw new RangeError('the demo dataset holds 1 to 100,000 cases')
  }
  if (options.firstSequence + options.count - 1 > 999_999) {
    throw new RangeError('the demo cases would run past case sequence 999999')
  }
  const random = new SeededRandom(options.seed)
  const end = Date.parse(options.now)
  const start = end - SPAN_DAYS * DAY
  // Finite account pools: repeat customers and shoppers give cases "prior cases" to find.
  const customerPool = Math.max(10, Math.round(options.count * 0.8))
  const shopperPool = Math.max(5, Math.round(options.count * 0.3))

  for (let index = 0; index < options.count; index++) {
    yield demoCase(random, {
      index,
      sequence: options.firstSequence + index,
      createdAt: Math.min(
        end - 5 * MINUTE,
        start + ((index + random.next()) / options.count) * SPAN_DAYS * DAY,
      ),
      end,
      customerPool,
      shopperPool,
      hashBytes,
    })
  }
}

interface CaseSeed {
  index: number
  sequence: number
  createdAt: number
  end: number
  customerPool: number
  shopperPool: number
  hashBytes: HashBytes
}

function demoCase(random: SeededRandom, seed: CaseSeed): DemoCase {
  const caseId = random.uuid()
  const category = random.weighted(CATEGORY_WEIGHTS)
  const story = CATEGORY_STORIES[category]
  const scenario = random.pick(story.scenarios)
  const severity = random.weighted(story.severities as Record<Severity, number>)
  const city = random.pick(DEMO_CITIES)
  const address = demoStreetAddress(random, city)
  const store = demoStore(random, city)
  const customer = demoPerson(random)
  const shopper = demoPerson(random)
  const createdAt = seed.createdAt
  const occurredAt = createdAt - random.int(10, 18 * 60) * MINUTE
  const deliveredAt = occurredAt - random.int(0, 20) * MINUTE
  const local = localExifTime(occurredAt, city)
  const ctx: StoryContext = {
    customer: customer.name,
    shopper: shopper.name,
    store: store.storeName,
    address,
    localTime: local.clock,
    random,
  }
  const status = statusForAge(random, (seed.end - createdAt) / DAY)
  const open = CASE_STATUS_INFO[status].open
  const assignee = status === 'new' && random.chance(0.6) ? null : random.pick(DEMO_ANALYSTS)
  const analyst: Actor = assignee ?? random.pick(DEMO_ANALYSTS)
  const intake: Actor = random.pick(DEMO_ANALYSTS)

  // SLA: respond within the target most of the time, late now and then.
  const targets = DEFAULT_SLA_POLICY.targets[severity]
  const firstResponseWindow = targetMs(targets.firstResponse, DEFAULT_SLA_POLICY.schedule)
  const resolutionWindow = targetMs(targets.resolution, DEFAULT_SLA_POLICY.schedule)
  // Never later than the dataset's "now": a recent case resolves within the time it has had.
  const room = seed.end - createdAt
  const respondedAt =
    status === 'new'
      ? null
      : createdAt +
        Math.min(room * 0.5, firstResponseWindow * random.next() * (random.chance(0.1) ? 1.6 : 0.9))
  const resolvedAt =
    open || respondedAt === null
      ? null
      : Math.max(
          respondedAt + Math.min(HOUR, (seed.end - respondedAt) / 2),
          createdAt +
            Math.min(
              room * (0.6 + random.next() * 0.35),
              resolutionWindow * (0.2 + random.next() * (random.chance(0.12) ? 1.1 : 0.75)),
            ),
        )
  const slaEvents = demoSlaEvents(random, {
    opened: createdAt,
    severity,
    status,
    respondedAt,
    resolvedAt,
    end: seed.end,
  })
  const sla = caseSlaInstants(slaEvents, DEFAULT_SLA_POLICY)

  const stamp = iso(createdAt)
  const party = (
    role: Party['role'],
    name: string,
    accountId: string | undefined,
    contact: Party['contact'],
  ): Party => ({
    id: random.uuid(),
    caseId,
    role,
    name,
    ...(accountId ? { accountId } : {}),
    contact,
    notes: '',
    createdAt: stamp,
    updatedAt: stamp,
  })
  const customerParty = party('customer', customer.name, `C-${100_000 + random.int(1, seed.customerPool)}`, {
    phone: demoPhone(random, city.areaCode),
    email: demoEmail(random, customer),
    address,
  })
  const shopperParty = party('shopper', shopper.name, `S-${500_000 + random.int(1, seed.shopperPool)}`, {
    phone: demoPhone(random, city.areaCode),
    email: demoEmail(random, shopper),
    address: `${city.city}, ${city.region}`,
  })
  const parties = [customerParty, shopperParty]
  if (story.retailerInvolved) {
    parties.push(
      party('retailer', store.storeName, `R-${random.int(1000, 9999)}`, {
        phone: demoPhone(random, city.areaCode),
        email: `store-ops@${store.retailer.toLowerCase().replace(/[^a-z]+/g, '')}.example.com`,
        address: `${city.city}, ${city.region}`,
      }),
    )
  }
  if (random.chance(0.1)) {
    const witness = demoPerson(random)
    parties.push(
      party('witness', witness.name, undefined, {
        phone: demoPhone(random, city.areaCode),
        email: '',
        address: '',
      }),
    )
  }

  const timeline: TimelineEvent[] = []
  const event = (
    kind: TimelineEvent['kind'],
    at: number,
    title: string,
    detail: string,
    ref: TimelineEvent['ref'] = null,
  ) =>
    timeline.push({
      id: random.uuid(),
      caseId,
      kind,
      occurredAt: iso(at),
      title,
      detail,
      ref,
      recordedBy: analyst,
      recordedAt: iso(Math.max(at, createdAt)),
    })
  event('order', deliveredAt, 'Order marked delivered', `${store.storeName} → ${address}`)
  event('manual', createdAt, 'Escalation received', `Routed to critical response by ${intake.name}`)

  // Evidence: the reporter's photo and the order chat.
  const evidence: Evidence[] = []
  const evidenceFiles: DemoCase['evidenceFiles'] = []
  const addEvidence = (
    name: string,
    bytes: Uint8Array,
    type: string,
    source: Party,
    acquiredAt: number,
    description: string,
  ) => {
    const sha256 = seed.hashBytes(bytes)
    const item: Evidence = {
      id: random.uuid(),
      caseId,
      exhibitNumber: evidence.length + 1,
      sha256,
      originalName: name,
      size: bytes.byteLength,
      detectedType: type,
      sourcePartyId: source.id,
      acquiredAt: iso(acquiredAt),
      importedAt: iso(acquiredAt),
      importedBy: analyst,
      description,
      tags: [],
      parentEvidenceId: null,
      removed: null,
    }
    evidence.push(item)
    evidenceFiles.push({ sha256, bytes })
    event('evidence', acquiredAt, `Exhibit E-${item.exhibitNumber} added`, `${name}: ${description}`, {
      entity: 'evidence',
      id: item.id,
    })
  }
  const acquired = Math.min(seed.end, createdAt + random.int(5, 240) * MINUTE)
  let photoLocation: GeoPoint | null = null
  if (scenario.photo) {
    const [make, model] = random.pick(PHONE_MODELS)
    const photoAt = occurredAt + random.int(1, 30) * MINUTE
    const exifTime = localExifTime(photoAt, city)
    const jitter = () => (random.next() - 0.5) * 0.004
    // Drawn in the order the photo's fields always were, so the dataset stays as it was.
    const latitude = city.lat + jitter()
    const longitude = city.lon + jitter()
    photoLocation = { lat: latitude, lon: longitude }
    const bytes = demoPhoto(random, {
      make,
      model,
      dateTimeOriginal: exifTime.stamp,
      offsetTimeOriginal: exifTime.offset,
      latitude,
      longitude,
    })
    const source =
      category === 'theft_missing_items' && scenario.photo.startsWith('Delivery')
        ? shopperParty
        : customerParty
    addEvidence(`IMG_${random.digits(4)}.jpg`, bytes, 'image/jpeg', source, acquired, scenario.photo)
  }
  let orderChat: DemoOrderInput['chat'] = []
  if (random.chance(0.85)) {
    let at = deliveredAt - scenario.chat.length * 3 * MINUTE
    const messages: ChatMessage[] = scenario.chat.map(([who, message]) => {
      at += random.int(1, 5) * MINUTE
      return {
        at: iso(at),
        sender: who === 'C' ? `${customer.firstName} (customer)` : `${shopper.firstName} (shopper)`,
        message,
      }
    })
    orderChat = scenario.chat.map(([who, text], index) => ({
      at: messages[index]!.at,
      from: who === 'C' ? ('customer' as const) : ('shopper' as const),
      text,
    }))
    const asCsv = random.chance(0.5)
    addEvidence(
      asCsv ? 'order-chat.csv' : 'order-chat.json',
      asCsv ? chatAsCsv(messages) : chatAsJson(messages),
      asCsv ? 'text/csv' : 'application/json',
      customerParty,
      acquired + MINUTE,
      'Customer–shopper order chat export',
    )
  }
  const custody = evidence.map((item) => ({
    id: random.uuid(),
    evidenceId: item.id,
    caseId,
    action: 'imported' as const,
    at: item.importedAt,
    by: analyst,
    sha256: item.sha256,
    detail: `Imported from ${parties.find((p) => p.id === item.sourcePartyId)?.name ?? 'the order record'}`,
  }))

  const communications: Communication[] = []
  const reporter =
    category === 'injury_safety' || category === 'account_behaviour' ? shopperParty : customerParty
  const other = reporter === customerParty ? shopperParty : customerParty
  if (respondedAt !== null) {
    const message = (
      partyRef: Party,
      channel: Communication['channel'],
      at: number,
      subject: string,
      body: string,
      extra: Partial<Communication> = {},
    ) => {
      const record: Communication = {
        id: random.uuid(),
        caseId,
        partyId: partyRef.id,
        channel,
        direction: 'outbound',
        occurredAt: iso(at),
        durationSeconds: null,
        outcome: null,
        subject,
        body,
        templateId: null,
        recordedBy: analyst,
        recordedAt: iso(at),
        ...extra,
      }
      communications.push(record)
      event(
        'communication',
        at,
        channel === 'phone' ? `Call with ${partyRef.name}` : `Email to ${partyRef.name}`,
        subject || body.slice(0, 80),
        {
          entity: 'communication',
          id: record.id,
        },
      )
    }
    const caseNumber = formatCaseNumber(new Date(createdAt).getUTCFullYear(), seed.sequence)
    message(
      reporter,
      'email',
      respondedAt,
      `We're looking into your report (${caseNumber})`,
      `Hi ${reporter.name.split(' ')[0]},\n\nThank you for telling us what happened. I'm the investigator on your case and I'll keep you updated. If you have photos or anything else you'd like us to see, reply to this email.\n\nKind regards,\n${analyst.name}\nTrust & Safety`,
      { templateId: 'acknowledgement' },
    )
    if (status !== 'triage') {
      const reached = random.chance(0.7)
      message(
        other,
        'phone',
        Math.min(seed.end, respondedAt + random.int(30, 600) * MINUTE),
        '',
        reached
          ? `Spoke with ${other.name.split(' ')[0]} about the incident. They gave their account of the delivery and agreed to send a written statement.`
          : 'No answer; left a voicemail asking for a call back.',
        {
          durationSeconds: reached ? random.int(180, 1500) : random.int(20, 60),
          outcome: reached ? 'reached' : 'voicemail',
        },
      )
    }
  }

  const checklist = INVESTIGATION_CHECKLISTS[category]
  const tasksDone = open ? (status === 'new' ? 0 : random.int(0, checklist.length - 1)) : checklist.length
  const tasks: Task[] = checklist.map((title, position) => ({
    id: random.uuid(),
    caseId,
    title,
    position: (position + 1) * TASK_POSITION_STEP,
    done: position < tasksDone,
    doneAt:
      position < tasksDone
        ? iso(Math.min(seed.end, createdAt + (position + 1) * random.int(20, 180) * MINUTE))
        : null,
    doneBy: position < tasksDone ? analyst : null,
    dueAt: null,
    createdAt: stamp,
  }))

  const notes = Array.from({ length: random.int(0, 2) }, (_, n) => {
    const at = iso(Math.min(seed.end, createdAt + (n + 1) * random.int(30, 300) * MINUTE))
    return {
      id: random.uuid(),
      caseId,
      body: random.pick([
        `${other.name.split(' ')[0]} disputes part of the account; waiting for the written statement before deciding.`,
        'Order data matches the reported delivery time. Delivery photo reviewed.',
        `Prior cases on the ${other.role} account checked: see Parties.`,
        'Lead consulted on the outcome range for this severity.',
      ]),
      author: analyst,
      createdAt: at,
      updatedAt: at,
    }
  })

  const determinations: Determination[] = []
  const categoryClauses = CATEGORY_CLAUSES[category]
  if (!open && resolvedAt !== null) {
    const outcome = random.pick(story.outcomes)
    for (const subject of [reporter, other]) {
      const atFault = subject === other
      determinations.push({
        id: random.uuid(),
        caseId,
        partyId: subject.id,
        findings: [
          {
            id: random.uuid(),
            statement: atFault
              ? `The ${subject.role}'s account is contradicted by the evidence on file.`
              : `The ${subject.role}'s report is consistent with the order data.`,
            evidenceIds: evidence.map((item) => item.id),
            standard: atFault
              ? random.pick(['confirmed', 'more_likely_than_not'] as const)
              : 'unsubstantiated',
          },
        ],
        // The category's clauses, found violated by the party at fault only (no random draw, so the
        // rest of the dataset stays as it was).
        clauses: categoryClauses.map((clauseId) => ({ clauseId, violated: atFault })),
        outcome: atFault ? outcome : { kind: 'no_action' },
        rationale: atFault
          ? 'Outcome follows the recommended range for this severity and category.'
          : 'No policy violation by this party.',
        justification: '',
        approval: null,
        decidedBy: analyst,
        decidedAt: iso(resolvedAt),
        updatedAt: iso(resolvedAt),
      })
    }
  }

  const lastActivity = Math.max(createdAt, resolvedAt ?? 0, ...timeline.map((e) => Date.parse(e.occurredAt)))
  const updatedAt = iso(Math.min(seed.end, lastActivity))
  if (status !== 'new')
    event(
      'status_change',
      Math.min(seed.end, resolvedAt ?? respondedAt ?? createdAt),
      `Status: ${CASE_STATUS_INFO[status].label}`,
      `Set by ${analyst.name}`,
    )
  timeline.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))

  const caseNumber = formatCaseNumber(new Date(createdAt).getUTCFullYear(), seed.sequence)
  const audit: AuditEntry[] = [
    {
      id: random.uuid(),
      caseId,
      entity: 'case',
      entityId: caseId,
      action: 'create',
      at: stamp,
      actor: intake,
      changes: [],
      summary: `Opened case ${caseNumber}`,
    },
  ]
  if (status !== 'new') {
    audit.push({
      id: random.uuid(),
      caseId,
      entity: 'case',
      entityId: caseId,
      action: 'update',
      at: updatedAt,
      actor: analyst,
      changes: [{ field: 'status', before: 'new', after: status }],
      summary: `Updated case ${caseNumber}`,
    })
  }

  const caseFile = {
    case: {
      id: caseId,
      caseNumber,
      title: scenario.title(ctx),
      summary: scenario.summary(ctx),
      category,
      severity,
      status,
      source: random.weighted({
        support: 6,
        safety_hotline: category === 'injury_safety' || severity === 'S1' ? 6 : 1,
        retailer: story.retailerInvolved ? 3 : 0.2,
        automated_signal: category === 'fraud_account_integrity' ? 6 : 0.5,
        law_enforcement: 0.2,
      }),
      assigneeId: assignee?.id ?? '',
      assigneeName: assignee?.name ?? '',
      tags: [
        DEMO_TAG,
        ...(severity === 'S1' ? ['urgent'] : []),
        ...(city.country === 'CA' ? ['canada'] : []),
      ],
      occurredAt: iso(occurredAt),
      location: address,
      order: {
        orderId: `ORD-${random.digits(10)}`,
        retailer: store.retailer,
        storeName: store.storeName,
        deliveryAddress: address,
        deliveryAt: iso(deliveredAt),
      },
      slaEvents,
      ...sla,
      createdAt: stamp,
      createdBy: intake,
      updatedAt,
    },
    parties,
    timeline,
    tasks,
    notes,
    communications,
    evidence,
    custody,
    annotations: [],
    determinations,
    orders: [] as OrderRecord[],
    contactAttempts: [],
    claims: [],
    reports: [],
    reportVersions: [],
    audit,
  }
  // The order comes from its own random stream (seeded by the case's sequence): adding it changed
  // nothing else in the dataset.
  caseFile.orders.push(
    demoOrder({
      seed: 0x5eed_0000 + seed.sequence,
      caseId,
      orderId: caseFile.case.order.orderId,
      city,
      storeName: store.storeName,
      dropOffAddress: address,
      customerAccountId: customerParty.accountId!,
      shopperAccountId: shopperParty.accountId!,
      deliveredAt,
      photoLocation,
      chat: orderChat,
      importedBy: intake,
      importedAt: createdAt,
    }),
  )
  return { caseFile, evidenceFiles }
}
