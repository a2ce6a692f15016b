import { repositories } from '@db/instance'
import { MenuItem, TextField } from '@mui/material'
import { PARTY_ROLE_LABELS, PARTY_ROLES, type Party } from '@shared/domain'
import { checkEmail, checkPhone } from '@shared/domain/contact'
import { FormDialog } from '@ui/FormDialog'
import { NoteField } from '@ui/NoteField'
import { attempt } from '@ui/notices'
import { useAnalyst } from '@workspace/useAnalyst'
import { useState } from 'react'

type PartyForm = Pick<Party, 'role' | 'name' | 'notes'> & {
  accountId: string
  phone: string
  email: string
  address: string
}

const blank: PartyForm = {
  role: 'customer',
  name: '',
  notes: '',
  accountId: '',
  phone: '',
  email: '',
  address: '',
}

const formOf = (party: Party): PartyForm => ({
  role: party.role,
  name: party.name,
  notes: party.notes,
  accountId: party.accountId ?? '',
  ...party.contact,
})

/** Adds a party to the case, or edits one (`party` given). */
export function PartyDialog({ caseId, party, onClose }: { caseId: string; party?: Party; onClose(): void }) {
  const analyst = useAnalyst()
  const [form, setForm] = useState<PartyForm>(party ? formOf(party) : blank)
  const set = (field: keyof PartyForm) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }))
  // The same checks as the intake form's, and as the repository makes again.
  const email = checkEmail(form.email)
  const phone = checkPhone(form.phone)
  const title = party ? `Edit ${party.name}` : 'Add party'

  const save = async () => {
    if (!analyst) return
    const at = new Date().toISOString()
    const fields = {
      role: form.role,
      name: form.name,
      notes: form.notes,
      accountId: form.accountId.trim() || undefined,
      contact: {
        phone: phone.value ?? form.phone,
        email: email.value ?? form.email,
        address: form.address.trim(),
      },
      updatedAt: at,
    }
    const saved = await attempt(() =>
      party
        ? repositories.parties.update(party.id, fields, analyst)
        : repositories.parties.add({ ...fields, id: crypto.randomUUID(), caseId, createdAt: at }, analyst),
    )
    if (saved) onClose()
  }

  return (
    <FormDialog
      title={title}
      submitLabel={party ? 'Save party' : 'Add party'}
      canSubmit={form.name.trim() !== '' && email.problem === null && phone.problem === null}
      width={440}
      onSubmit={save}
      onClose={onClose}
    >
      <TextField select label="Role" value={form.role} onChange={set('role')}>
        {PARTY_ROLES.map((role) => (
          <MenuItem key={role} value={role}>
            {PARTY_ROLE_LABELS[role]}
          </MenuItem>
        ))}
      </TextField>
      <TextField label="Name" value={form.name} onChange={set('name')} required />
      <TextField
        label="Account ID"
        value={form.accountId}
        onChange={set('accountId')}
        helperText="Marketplace account; links this party's other cases"
      />
      <TextField
        label="Phone"
        value={form.phone}
        onChange={set('phone')}
        error={phone.problem !== null}
        helperText={
          phone.problem ??
          (phone.value
            ? `Saved as ${phone.value}`
            : 'With the area code; +code for a number outside North America')
        }
        slotProps={{ htmlInput: { inputMode: 'tel' } }}
      />
      <TextField
        label="Email"
        value={form.email}
        onChange={set('email')}
        error={email.problem !== null}
        helperText={email.problem ?? undefined}
        slotProps={{ htmlInput: { inputMode: 'email' } }}
      />
      <TextField label="Address" value={form.address} onChange={set('address')} />
      <NoteField
        label="Notes"
        value={form.notes}
        onChange={(notes) => setForm((current) => ({ ...current, notes }))}
      />
    </FormDialog>
  )
}
