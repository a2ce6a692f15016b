import type { IncidentCategory, Outcome, Severity } from '../domain'
import type { SeededRandom } from './random'

/** What a scenario's text can refer to. */
export interface StoryContext {
  customer: string
  shopper: string
  store: string
  address: string
  localTime: string
  random: SeededRandom
}

export interface Scenario {
  title(ctx: StoryContext): string
  summary(ctx: StoryContext): string
  /** The order chat between customer (C) and shopper (S), oldest first. */
  chat: ReadonlyArray<readonly ['C' | 'S', string]>
  photo: string | null
}

interface CategoryStory {
  weight: number
  severities: Readonly<Partial<Record<Severity, number>>>
  retailerInvolved: boolean
  scenarios: readonly Scenario[]
  outcomes: readonly Outcome[]
}

const amount = (random: SeededRandom, low: number, high: number) => `$${random.int(low, high)}`

export const CATEGORY_STORIES: Record<IncidentCategory, CategoryStory> = {
  property_damage: {
    weight: 18,
    severities: { S2: 2, S3: 6, S4: 2 },
    retailerInvolved: false,
    outcomes: [
      { kind: 'reimbursement', amount: 350, currency: 'USD' },
      { kind: 'education' },
      { kind: 'warning' },
    ],
    scenarios: [
      {
        title: () => "Shopper's vehicle struck garage door during delivery",
        summary: (c) =>
          `${c.customer} reports that the shopper reversed into the garage door at ${c.address} while leaving at about ${c.localTime}. The lower panel is dented and the door no longer closes fully; the customer has a repair quote of ${amount(c.random, 400, 1800)}.`,
        chat: [
          ['S', "Hi, I'm outside with your order."],
          ['C', 'Great, please leave it by the side door.'],
          ['S', 'Done! Have a good evening.'],
          ['C', 'Did you just hit my garage door? I heard a bang.'],
          ['S', 'I am not sure, I was turning around in the driveway.'],
          ['C', 'There is a dent in the door now. I am reporting this.'],
        ],
        photo: 'Photo of the dented garage door panel',
      },
      {
        title: () => 'Mailbox knocked over by shopper vehicle',
        summary: (c) =>
          `Neighbour footage shared by ${c.customer} shows a car clipping the mailbox post at ${c.address} around ${c.localTime}. The post is snapped at the base. The customer believes it was the shopper delivering their order.`,
        chat: [
          ['S', 'Your order is at the front door.'],
          ['C', 'Thanks. Did something happen with the mailbox?'],
          ['S', 'No, nothing happened on my end.'],
          ['C', 'It is lying on the ground and my camera shows a car like yours.'],
        ],
        photo: 'Photo of the broken mailbox post',
      },
      {
        title: () => 'Spilled detergent stained living-room carpet',
        summary: (c) =>
          `A leaking detergent bottle was carried inside by the shopper and set down on the carpet at ${c.address}. ${c.customer} reports a large stain that did not come out with cleaning and asks for the cleaning cost of ${amount(c.random, 120, 450)}.`,
        chat: [
          ['C', 'Can you bring the bags inside? My knee is bad.'],
          ['S', 'Of course, coming in now.'],
          ['C', 'One of the bags is leaking all over my carpet!'],
          ['S', "I'm so sorry, the bottle must have cracked at the store."],
        ],
        photo: 'Photo of the detergent stain on the carpet',
      },
      {
        title: () => 'Gate latch broken after delivery',
        summary: (c) =>
          `${c.customer} found the side gate at ${c.address} hanging off its latch after the ${c.localTime} delivery and says the dog could have escaped. The shopper says the gate was already damaged.`,
        chat: [
          ['S', 'Leaving the order inside the gate as requested.'],
          ['C', 'Thank you!'],
          ['C', 'The gate latch is broken now, what happened?'],
          ['S', 'It was loose when I got there, I just closed it.'],
        ],
        photo: 'Photo of the broken gate latch',
      },
    ],
  },
  vehicle_incident: {
    weight: 8,
    severities: { S1: 1, S2: 5, S3: 3 },
    retailerInvolved: true,
    outcomes: [{ kind: 'referral', to: 'legal' }, { kind: 'warning' }, { kind: 'no_action' }],
    scenarios: [
      {
        title: (c) => `Parking-lot collision at ${c.store.split(' — ')[0]}`,
        summary: (c) =>
          `While loading an order at ${c.store} the shopper's car rolled into a parked vehicle. The other driver reported it to the store; no one was injured. The shopper says the parking brake failed.`,
        chat: [
          ['S', 'Sorry for the delay, there was an accident in the store lot.'],
          ['C', 'Oh no, are you okay?'],
          ['S', 'Yes, just shaken. I will be there in 20 minutes.'],
        ],
        photo: 'Photo of the rear bumper damage',
      },
      {
        title: () => 'Collision during delivery reported by a third party',
        summary: (c) =>
          `A driver reports that a shopper ran a stop sign near ${c.address} at ${c.localTime} and struck their car. The driver took a photo of the shopper's grocery bags on the back seat and the order number on a receipt.`,
        chat: [
          ['S', 'Running late, I was in a small accident.'],
          ['C', 'Take your time, hope everyone is alright.'],
        ],
        photo: 'Photo of the damaged vehicle at the intersection',
      },
    ],
  },
  injury_safety: {
    weight: 9,
    severities: { S1: 2, S2: 6, S3: 2 },
    retailerInvolved: false,
    outcomes: [{ kind: 'no_action' }, { kind: 'warning' }, { kind: 'referral', to: 'legal' }],
    scenarios: [
      {
        title: () => 'Shopper bitten by dog at drop-off',
        summary: (c) =>
          `The shopper reports being bitten on the calf by an unleashed dog at ${c.address} at ${c.localTime} while leaving the order on the porch. The shopper went to urgent care. ${c.customer} says the dog was behind a closed gate.`,
        chat: [
          ['S', "I'm at the door, is your dog inside?"],
          ['C', 'Yes, he is in the backyard.'],
          ['S', 'Your dog just bit me. The gate was open.'],
          ['C', "I'm so sorry, I thought it was latched."],
        ],
        photo: 'Photo of the open side gate at the drop-off',
      },
      {
        title: () => 'Shopper slipped on icy front steps',
        summary: (c) =>
          `The shopper slipped on untreated ice on the front steps at ${c.address} and injured a wrist. The customer had asked for doorstep delivery. The shopper could not finish the remaining batch.`,
        chat: [
          ['S', 'Careful, your steps are really icy.'],
          ['C', 'Sorry! Just leave it at the bottom.'],
          ['S', 'Too late, I fell. I think my wrist is hurt.'],
        ],
        photo: 'Photo of the icy front steps',
      },
      {
        title: () => 'Shopper threatened with a weapon at drop-off',
        summary: (c) =>
          `The shopper called the safety line from the car after a man at ${c.address} showed a knife and demanded the shopper's phone. The shopper left the order and drove away. Police were called.`,
        chat: [
          ['S', "I'm outside."],
          ['C', 'Come to the back.'],
          ['S', 'I will leave it at the front door, sorry.'],
        ],
        photo: null,
      },
    ],
  },
  harassment_threat: {
    weight: 10,
    severities: { S1: 1, S2: 5, S3: 4 },
    retailerInvolved: false,
    outcomes: [
      { kind: 'warning' },
      { kind: 'temporary_suspension', days: 14 },
      { kind: 'permanent_deactivation' },
    ],
    scenarios: [
      {
        title: () => 'Abusive messages to shopper over substitutions',
        summary: (c) =>
          `${c.customer} sent the shopper a series of insulting and threatening messages after two items were substituted, including a threat to "find out where you live". The shopper ended the chat and reported it.`,
        chat: [
          ['S', 'The brand you asked for is out, can I substitute the store brand?'],
          ['C', 'No. Are you stupid? I said that brand.'],
          ['S', 'I understand, I can refund it instead.'],
          ['C', 'You people are useless. I know what car you drive.'],
          ['S', 'I am ending this conversation and reporting it.'],
        ],
        photo: null,
      },
      {
        title: () => 'Unwanted contact from shopper after delivery',
        summary: (c) =>
          `${c.customer} reports that the shopper texted her personal number twice the day after the delivery, asking to meet. She did not give the shopper her number outside the app.`,
        chat: [
          ['S', 'Your order is at the door, have a nice day!'],
          ['C', 'Thank you.'],
        ],
        photo: null,
      },
    ],
  },
  sexual_misconduct: {
    weight: 3,
    severities: { S1: 6, S2: 3 },
    retailerInvolved: false,
    outcomes: [{ kind: 'permanent_deactivation' }, { kind: 'referral', to: 'law_enforcement' }],
    scenarios: [
      {
        title: () => 'Inappropriate comments by shopper at the door',
        summary: (c) =>
          `${c.customer} reports that the shopper made repeated sexual comments about her appearance at the door at ${c.localTime} and would not leave when asked. She closed the door and called support.`,
        chat: [
          ['S', "I'm here, come get your order."],
          ['C', 'Please leave it at the door.'],
          ['S', 'Come out, I want to see you.'],
        ],
        photo: null,
      },
      {
        title: () => 'Customer exposed himself to shopper',
        summary: (c) =>
          `The shopper reports that the customer at ${c.address} answered the door undressed and made a sexual remark. The shopper left the order and left immediately.`,
        chat: [
          ['S', 'Hi, your groceries are here.'],
          ['C', 'Bring them inside.'],
          ['S', 'I will leave them at the door.'],
        ],
        photo: null,
      },
    ],
  },
  theft_missing_items: {
    weight: 16,
    severities: { S3: 7, S4: 3 },
    retailerInvolved: true,
    outcomes: [
      { kind: 'reimbursement', amount: 86, currency: 'USD' },
      { kind: 'warning' },
      { kind: 'no_action' },
    ],
    scenarios: [
      {
        title: () => 'Order marked delivered but not received',
        summary: (c) =>
          `${c.customer} says the order was marked delivered at ${c.localTime} but nothing was left at ${c.address}. The delivery photo shows a door that the customer says is not theirs.`,
        chat: [
          ['S', 'Delivered to your front door.'],
          ['C', 'There is nothing here. Which door did you leave it at?'],
          ['S', 'The blue one, it is in the photo.'],
          ['C', 'My door is white. That is not my house.'],
        ],
        photo: 'Delivery photo taken by the shopper',
      },
      {
        title: () => 'Alcohol and meat missing from delivered order',
        summary: (c) =>
          `Two bottles of wine and a package of steaks (${amount(c.random, 60, 140)} in total) were charged but missing from the bags. The store receipt shows them scanned at checkout.`,
        chat: [
          ['S', 'All items found, heading your way.'],
          ['C', 'The wine and steaks are not in the bags.'],
          ['S', 'They were in the cart, maybe the store missed them.'],
        ],
        photo: 'Photo of the delivered bags laid out',
      },
    ],
  },
  fraud_account_integrity: {
    weight: 12,
    severities: { S2: 2, S3: 6, S4: 2 },
    retailerInvolved: false,
    outcomes: [
      { kind: 'permanent_deactivation' },
      { kind: 'temporary_suspension', days: 30 },
      { kind: 'warning' },
    ],
    scenarios: [
      {
        title: () => 'Repeated damage claims with the same photo',
        summary: (c) =>
          `${c.customer}'s account filed a damaged-goods claim with a photo whose hash matches a claim on another account last month. This is the fifth claim in eight weeks.`,
        chat: [
          ['S', 'Order delivered, eggs were double-checked.'],
          ['C', 'Half the eggs are broken. I want a refund.'],
        ],
        photo: 'Photo submitted with the damage claim',
      },
      {
        title: () => 'Shopper account used by a different person',
        summary: (c) =>
          `A customer at ${c.address} reports that the person who delivered did not match the shopper profile photo. Device and location signals show the account logged in from two cities on the same day.`,
        chat: [
          ['S', 'Here with your order.'],
          ['C', 'You are not the person in the app photo?'],
          ['S', 'It is my cousin account, I am helping him.'],
        ],
        photo: 'Photo of the person at the door from the customer camera',
      },
    ],
  },
  alcohol_age_restricted: {
    weight: 6,
    severities: { S2: 5, S3: 3 },
    retailerInvolved: true,
    outcomes: [
      { kind: 'temporary_suspension', days: 7 },
      { kind: 'education' },
      { kind: 'permanent_deactivation' },
    ],
    scenarios: [
      {
        title: () => 'Alcohol handed to a minor without ID check',
        summary: (c) =>
          `A parent at ${c.address} reports that the shopper handed a case of beer to their 16-year-old son without checking ID at ${c.localTime}. The app shows the ID scan was skipped with "customer well over 21".`,
        chat: [
          ['S', 'I need to see ID for the beer.'],
          ['C', 'My son will get the door.'],
          ['S', 'Okay, leaving it with him.'],
        ],
        photo: null,
      },
      {
        title: () => 'Alcohol delivered to visibly intoxicated customer',
        summary: () =>
          'The shopper reports delivering two bottles of vodka to a customer who was slurring and could barely stand, and asks whether they should have refused. The customer later complained about a missing bottle.',
        chat: [
          ['S', 'I am at your building, can you come down?'],
          ['C', 'cmmming down now'],
        ],
        photo: null,
      },
    ],
  },
  food_safety: {
    weight: 6,
    severities: { S2: 3, S3: 5, S4: 2 },
    retailerInvolved: true,
    outcomes: [
      { kind: 'reimbursement', amount: 45, currency: 'CAD' },
      { kind: 'no_action' },
      { kind: 'education' },
    ],
    scenarios: [
      {
        title: () => 'Opened and resealed baby formula',
        summary: (c) =>
          `${c.customer} found the safety seal on a tin of baby formula broken and the lid taped shut. The store batch is being checked; the customer did not use it.`,
        chat: [
          ['C', 'The formula tin looks opened. Did it come like that?'],
          ['S', 'I did not open anything, I took it from the shelf.'],
        ],
        photo: 'Photo of the broken seal on the formula tin',
      },
      {
        title: () => 'Frozen items delivered thawed after long delay',
        summary: (c) =>
          `The order arrived three hours late and the frozen chicken was fully thawed and warm. ${c.customer} asks whether the shopper kept it in the car between batches.`,
        chat: [
          ['S', 'Sorry, running late with another order first.'],
          ['C', 'It has been three hours. Is the frozen stuff okay?'],
          ['S', 'It was in the cooler bag.'],
        ],
        photo: 'Photo of the thawed chicken package',
      },
    ],
  },
  discrimination: {
    weight: 4,
    severities: { S2: 6, S3: 3 },
    retailerInvolved: false,
    outcomes: [{ kind: 'warning' }, { kind: 'permanent_deactivation' }, { kind: 'education' }],
    scenarios: [
      {
        title: () => 'Shopper refused delivery after seeing customer',
        summary: (c) =>
          `${c.customer}, who wears a hijab, reports that the shopper looked at her, said "not for you", and left with the order. The order was later cancelled by the shopper as "customer unavailable".`,
        chat: [
          ['S', 'Outside.'],
          ['C', 'Coming to the door now.'],
          ['C', 'Why did you leave? I was right there.'],
        ],
        photo: null,
      },
      {
        title: () => 'Customer demanded a different shopper because of accent',
        summary: () =>
          'The shopper reports that the customer refused the order and called support demanding "someone who speaks proper English", then gave a one-star rating.',
        chat: [
          ['S', 'Hello, I have your groceries.'],
          ['C', 'I can not understand you. Send someone else.'],
        ],
        photo: null,
      },
    ],
  },
  account_behaviour: {
    weight: 8,
    severities: { S3: 3, S4: 7 },
    retailerInvolved: false,
    outcomes: [{ kind: 'warning' }, { kind: 'temporary_suspension', days: 7 }, { kind: 'education' }],
    scenarios: [
      {
        title: () => 'Repeated abuse of support agents',
        summary: (c) =>
          `${c.customer} has contacted support 14 times in a month with insulting language and has threatened agents with "consequences". Two prior warnings are on file.`,
        chat: [
          ['S', 'Your order is on the way.'],
          ['C', 'Hurry up.'],
        ],
        photo: null,
      },
      {
        title: () => 'Shopper repeatedly cancelling after accepting batches',
        summary: () =>
          'The shopper accepted and then dropped 11 batches this week, each after checkout had started. Customers were left waiting and two filed complaints.',
        chat: [
          ['S', 'Sorry, I have to drop this order.'],
          ['C', 'Again? This is the second time today.'],
        ],
        photo: null,
      },
    ],
  },
}
