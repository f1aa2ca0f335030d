import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { useAction } from '../../hooks/use-action.ts'
import { useLoad } from '../../hooks/use-load.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { FormError, SelectField, TextField } from '../../ui/field.tsx'
import { Loadable } from '../../ui/states.tsx'

type Settings = Awaited<ReturnType<typeof loadSettings>>

function loadSettings() {
  return ok(api.GET('/v1/admin/forum/settings'))
}

/** The discussions' rules: images, editing, flags, new members, emails, lengths. */
export function ForumSettings() {
  const site = useSite()
  const load = useLoad(loadSettings, [site.id])
  return (
    <Loadable load={load}>
      {(data) => (
        <SettingsForm
          initial={data}
          editable={site.can('editForum')}
          onSaved={(saved) => load.update(() => saved)}
        />
      )}
    </Loadable>
  )
}

const asNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

function SettingsForm({
  initial,
  editable,
  onSaved,
}: {
  initial: Settings
  editable: boolean
  onSaved(settings: Settings): void
}) {
  const t = strings.forumSettings
  const [images, setImages] = useState(initial.images)
  const [editWindow, setEditWindow] = useState(
    initial.editWindowMinutes === null ? '' : String(initial.editWindowMinutes),
  )
  const [flagsToHide, setFlagsToHide] = useState(String(initial.flagsToHide))
  const [hours, setHours] = useState(String(initial.newMember.hours))
  const [posts, setPosts] = useState(String(initial.newMember.maxPostsPerDay))
  const [links, setLinks] = useState(String(initial.newMember.maxLinksPerPost))
  const [quiet, setQuiet] = useState(String(initial.emailQuietMinutes))
  const [postLength, setPostLength] = useState(String(initial.maxPostLength))
  const [titleLength, setTitleLength] = useState(String(initial.maxTitleLength))
  const save = useAction(async () => {
    const saved = await ok(
      api.PATCH('/v1/admin/forum/settings', {
        body: {
          images,
          editWindowMinutes: editWindow.trim() === '' ? null : asNumber(editWindow),
          flagsToHide: asNumber(flagsToHide),
          newMember: {
            hours: asNumber(hours),
            maxPostsPerDay: asNumber(posts),
            maxLinksPerPost: asNumber(links),
          },
          emailQuietMinutes: asNumber(quiet),
          maxPostLength: asNumber(postLength),
          maxTitleLength: asNumber(titleLength),
        },
      }),
    )
    onSaved(saved)
    announce(t.saved)
  })
  const f = save.fields
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        save.run()
      }}
    >
      {!editable && <p class="muted">{strings.settings.readOnly}</p>}
      <FormError message={save.error} />
      <fieldset disabled={!editable}>
        <legend>{t.title}</legend>
        <SelectField
          label={t.images}
          value={images}
          onValue={setImages}
          options={[
            { value: 'off', label: t.imagesOff },
            { value: 'established', label: t.imagesEstablished },
            { value: 'everyone', label: t.imagesEveryone },
          ]}
        />
        <TextField
          label={t.editWindow}
          hint={t.editWindowHint}
          type="number"
          min={0}
          value={editWindow}
          onValue={setEditWindow}
          error={f.editWindowMinutes}
        />
        <TextField
          label={t.flagsToHide}
          type="number"
          min={1}
          value={flagsToHide}
          onValue={setFlagsToHide}
          error={f.flagsToHide}
        />
        <TextField
          label={t.newMemberHours}
          type="number"
          min={0}
          value={hours}
          onValue={setHours}
          error={f['newMember.hours']}
        />
        <TextField
          label={t.newMemberPosts}
          type="number"
          min={1}
          value={posts}
          onValue={setPosts}
          error={f['newMember.maxPostsPerDay']}
        />
        <TextField
          label={t.newMemberLinks}
          type="number"
          min={0}
          value={links}
          onValue={setLinks}
          error={f['newMember.maxLinksPerPost']}
        />
        <TextField
          label={t.emailQuiet}
          type="number"
          min={0}
          value={quiet}
          onValue={setQuiet}
          error={f.emailQuietMinutes}
        />
        <TextField
          label={t.maxPostLength}
          type="number"
          min={1}
          value={postLength}
          onValue={setPostLength}
          error={f.maxPostLength}
        />
        <TextField
          label={t.maxTitleLength}
          type="number"
          min={1}
          value={titleLength}
          onValue={setTitleLength}
          error={f.maxTitleLength}
        />
      </fieldset>
      {editable && (
        <button type="submit" class="button button-primary" disabled={save.busy}>
          {strings.actions.save}
        </button>
      )}
    </form>
  )
}
