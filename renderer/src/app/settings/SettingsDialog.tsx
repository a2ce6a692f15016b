import { EmailTemplatesSection } from '@features/communications'
import { DemoDataSection } from '@features/demo-data'
import { ApprovalThresholdSection } from '@features/determination'
import { EvidenceSettingsSection } from '@features/evidence'
import { AnalystForm } from '@features/identity'
import { useNotificationStore } from '@features/notifications'
import { LocationThresholdsSection } from '@features/orders'
import { OutcomeMatrixSection, PolicyLibrarySection } from '@features/policy'
import { RedactionProfilesSection } from '@features/report'
import { SlaPolicySection } from '@features/sla'
import { TeamServerSection, TeamSettingNote } from '@features/sync'
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  FormControlLabel,
  Stack,
  Switch,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material'
import { platform } from '@platform'
import type { Actor } from '@shared/domain'
import type { AppInfo } from '@shared/protocol/platform/contract'
import { SETTINGS, type SettingScope } from '@shared/rules/settings/registry'
import { focusQueueIfFocusLost } from '@ui/focus-targets'
import { notify } from '@ui/notices'
import { type ThemePreference, useThemeStore } from '@ui/theme/theme-store'
import { settingsHeadingId } from '@workspace/settings-sections'
import { useOpenAtSection } from '@workspace/useOpenAtSection'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { StorageSection } from './StorageSection'

/**
 * A settings section, with the setting it edits (if any): a team setting says so under the heading.
 * Its heading can take the focus, so Settings can open at the section (see useOpenAtSection).
 */
function Section({
  title,
  setting,
  children,
}: {
  title: string
  setting?: SettingScope
  children: ReactNode
}) {
  const headingId = settingsHeadingId(title)
  return (
    <Stack spacing={1.5} component="section" aria-labelledby={headingId}>
      <Typography
        id={headingId}
        variant="h3"
        component="h3"
        tabIndex={-1}
        sx={{
          scrollMarginTop: 8,
          outline: 'none',
          borderRadius: 0.5,
          '&:focus': { boxShadow: (theme) => `0 0 0 2px ${theme.palette.primary.main}` },
        }}
      >
        {title}
      </Typography>
      {setting && <TeamSettingNote setting={setting} />}
      {children}
    </Stack>
  )
}

export function SettingsDialog({ analyst }: { analyst: Actor }) {
  const open = useWorkspaceUi((state) => state.settingsOpen)
  const section = useWorkspaceUi((state) => state.settingsSection)
  const close = () => useWorkspaceUi.getState().setSettingsOpen(false)
  const content = useRef<HTMLDivElement>(null)
  useOpenAtSection(open, section, content)
  const preference = useThemeStore((state) => state.preference)
  const setPreference = useThemeStore((state) => state.setPreference)
  const slaAlertsEnabled = useNotificationStore((state) => state.slaAlertsEnabled)
  const [storageKey, setStorageKey] = useState(0)
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    if (open) platform.getAppInfo().then(setInfo, () => setInfo(null))
  }, [open])

  return (
    <Dialog
      open={open}
      onClose={close}
      maxWidth="md"
      fullWidth
      aria-labelledby="settings-title"
      slotProps={{
        // The button that opened Settings may be gone ("Load demo data…" once the demo is in): the
        // queue takes the focus then, so j and k work straight away.
        transition: { onExited: focusQueueIfFocusLost },
      }}
    >
      <DialogTitle id="settings-title" component="h2">
        Settings
      </DialogTitle>
      <DialogContent ref={content}>
        <Stack spacing={3} divider={<Divider flexItem />}>
          <Section title="Analyst" setting={SETTINGS.analyst}>
            <AnalystForm
              key={analyst.id + analyst.name}
              current={analyst}
              submitLabel="Save analyst"
              onSaved={() => notify('success', 'Analyst saved.')}
            />
          </Section>
          <Section title="Team server">
            <TeamServerSection />
          </Section>
          <Section title="Policy library" setting={SETTINGS.policyLibrary}>
            <PolicyLibrarySection analyst={analyst} />
          </Section>
          <Section title="Outcome matrix" setting={SETTINGS.outcomeMatrix}>
            <OutcomeMatrixSection analyst={analyst} />
          </Section>
          <Section title="Determinations" setting={SETTINGS.approvalThreshold}>
            <ApprovalThresholdSection analyst={analyst} />
          </Section>
          <Section title="Redaction profiles" setting={SETTINGS.redactionProfiles}>
            <RedactionProfilesSection analyst={analyst} />
          </Section>
          <Section title="Location checks" setting={SETTINGS.locationThresholds}>
            <LocationThresholdsSection analyst={analyst} />
          </Section>
          <Section title="Theme">
            <ToggleButtonGroup
              exclusive
              value={preference}
              onChange={(_, next: ThemePreference | null) => next && setPreference(next)}
              aria-label="Theme"
            >
              <ToggleButton value="system">Follow system</ToggleButton>
              <ToggleButton value="light">Light</ToggleButton>
              <ToggleButton value="dark">Dark</ToggleButton>
            </ToggleButtonGroup>
          </Section>
          <Section title="Notifications">
            <FormControlLabel
              control={
                <Switch
                  checked={slaAlertsEnabled}
                  onChange={(event) =>
                    useNotificationStore.getState().setSlaAlertsEnabled(event.target.checked)
                  }
                />
              }
              label="Desktop notification when a case assigned to me becomes at risk or breaches its SLA"
            />
          </Section>
          <Section title="SLA policy" setting={SETTINGS.slaPolicy}>
            <SlaPolicySection analyst={analyst} />
          </Section>
          <Section title="Email templates" setting={SETTINGS.emailTemplates}>
            <EmailTemplatesSection analyst={analyst} />
          </Section>
          <Section title="Evidence" setting={SETTINGS.evidenceSizeLimit}>
            <EvidenceSettingsSection analyst={analyst} />
          </Section>
          <Section title="Storage on this computer">
            <StorageSection refreshKey={storageKey} />
          </Section>
          <Section title="Demo data">
            <DemoDataSection onChanged={() => setStorageKey((key) => key + 1)} />
          </Section>
          <Typography variant="caption" color="text.secondary">
            {info
              ? `Version ${info.version} · ${info.host === 'electron' ? 'desktop app' : 'web host'} on ${info.platform}`
              : ''}
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Close</Button>
      </DialogActions>
    </Dialog>
  )
}
