import { z } from 'zod'
import { PartyRoleSchema } from '../../domain'

export const EmailTemplateSchema = z.object({
  id: z.string().trim().min(1).max(80),
  name: z.string().trim().min(1, 'a template needs a name').max(120),
  /** Who the template is written for; the composer offers it first for parties in that role. */
  audience: z.union([PartyRoleSchema, z.literal('any')]),
  subject: z.string().trim().min(1, 'a template needs a subject').max(300),
  body: z.string().trim().min(1, 'a template needs a body').max(20_000),
})
export type EmailTemplate = z.infer<typeof EmailTemplateSchema>

export const EmailTemplateListSchema = z
  .array(EmailTemplateSchema)
  .max(200)
  .refine((templates) => new Set(templates.map((t) => t.id)).size === templates.length, 'template ids repeat')

/** The set every workstation starts with; Settings → Email templates edits them. */
export const DEFAULT_EMAIL_TEMPLATES: EmailTemplate[] = [
  {
    id: 'ack-customer',
    name: 'Acknowledgement to customer',
    audience: 'customer',
    subject: 'We received your report — case {{case.number}}',
    body: `Hi {{party.firstName}},

Thank you for telling us about what happened with your order {{order.id}}. Your report is now case {{case.number}}, and I am the investigator looking into it.

I will review the order details and talk to everyone involved. If you have photos or anything else that shows what happened, please reply to this email with them attached.

I will be in touch as soon as I have an update.

{{analyst.name}}
Trust & Safety`,
  },
  {
    id: 'statement-shopper',
    name: 'Statement request to shopper',
    audience: 'shopper',
    subject: 'Your account of order {{order.id}} — case {{case.number}}',
    body: `Hi {{party.firstName}},

We received a report about order {{order.id}} from {{order.store}}, delivered on {{order.deliveredOn}}. Before we reach any decision we want to hear your side.

Please reply within 48 hours with a short written account of the delivery: when you arrived, what happened, and anything you noticed. Photos you took at the time are welcome.

Thank you,
{{analyst.name}}
Trust & Safety (case {{case.number}})`,
  },
  {
    id: 'statement-retailer',
    name: 'Information request to retailer',
    audience: 'retailer',
    subject: 'Information request for order {{order.id}} — case {{case.number}}',
    body: `Hello {{party.name}} team,

We are investigating an incident connected to order {{order.id}} at {{order.store}}. Could you share any records you hold for it (pick-up time, staff notes, camera footage if available)?

Our reference is case {{case.number}}.

Thank you,
{{analyst.name}}
Trust & Safety`,
  },
  {
    id: 'outcome-customer',
    name: 'Outcome notice to customer',
    audience: 'customer',
    subject: 'The outcome of your report — case {{case.number}}',
    body: `Hi {{party.firstName}},

We have finished our investigation into your report about order {{order.id}} (case {{case.number}}).

[Describe the outcome and any reimbursement here.]

Thank you for your patience while we looked into this. If you have any questions, reply to this email.

{{analyst.name}}
Trust & Safety`,
  },
  {
    id: 'outcome-shopper',
    name: 'Outcome notice to shopper',
    audience: 'shopper',
    subject: 'The outcome of our review — case {{case.number}}',
    body: `Hi {{party.firstName}},

We have completed our review of the report about order {{order.id}} (case {{case.number}}).

[Describe the outcome and what it means for the account.]

If you believe we got something wrong, you can appeal by replying to this email within 14 days.

{{analyst.name}}
Trust & Safety`,
  },
  {
    id: 'follow-up-no-reply',
    name: 'Follow-up: no reply yet',
    audience: 'any',
    subject: 'Following up — case {{case.number}}',
    body: `Hi {{party.firstName}},

I wrote to you recently about case {{case.number}} and have not heard back yet. Your account of what happened matters to the outcome, so I would still like to hear from you.

Please reply when you can, or let me know a good time to call.

{{analyst.name}}
Trust & Safety`,
  },
  {
    id: 'follow-up-received',
    name: 'Follow-up: information received',
    audience: 'any',
    subject: 'Thank you — case {{case.number}}',
    body: `Hi {{party.firstName}},

Thank you for sending the information for case {{case.number}}. I have added it to the investigation and will let you know when there is an outcome.

{{analyst.name}}
Trust & Safety`,
  },
]
