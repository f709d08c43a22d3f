import { type FormEvent, useId, useState } from 'react';
import { AVATAR_CHOICES } from '../identity/avatars.js';
import { DEMO_STATUS_OPTIONS } from '../identity/demo-presence.js';
import { DEFAULT_ROOM, displayNameProblem, type JoinDetails, roomProblem } from '../identity/join-details.js';

export interface JoinFormProps {
  /** Values to start from (a link's, or the last session's). */
  initial?: Partial<JoinDetails>;
  /** Messages about a link that could not be used; shown above the form. */
  linkProblems?: readonly string[];
  onJoin(details: JoinDetails): void;
}

/** Choose a display name, an avatar and a status, and the room to join. Invalid values get a message, never a crash. */
export function JoinForm({ initial = {}, linkProblems = [], onJoin }: JoinFormProps) {
  const id = useId();
  const [name, setName] = useState(initial.name ?? '');
  const [room, setRoom] = useState(initial.room ?? DEFAULT_ROOM);
  const [status, setStatus] = useState(initial.status ?? 'online');
  const [avatarUrl, setAvatarUrl] = useState<string | undefined>(initial.avatarUrl ?? AVATAR_CHOICES[0]?.url);
  // A bad link marks its fields at once, beside the notice that says what was wrong with it.
  const [submitted, setSubmitted] = useState(linkProblems.length > 0);
  const nameError = submitted ? displayNameProblem(name) : undefined;
  const roomError = submitted ? roomProblem(room) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (displayNameProblem(name) || roomProblem(room)) return;
    onJoin({ name: name.trim(), room: room.trim(), status, ...(avatarUrl ? { avatarUrl } : {}) });
  };

  return (
    <main className="join">
      <form className="join-card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>Join the live event</h1>
        <p className="join-lede">See who is here and how many are watching, in realtime.</p>
        {linkProblems.length > 0 && (
          <div className="notice notice-warning" role="alert" data-testid="link-problems">
            {linkProblems.map((problem) => (
              <p key={problem}>{problem}</p>
            ))}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-name`}>Display name</label>
          <input
            id={`${id}-name`}
            name="name"
            autoComplete="nickname"
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${id}-name-error` : undefined}
            // biome-ignore lint/a11y/noAutofocus: the form has one job; the name is its first and only required field.
            autoFocus
          />
          {nameError && (
            <p id={`${id}-name-error`} className="field-error">
              {nameError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-room`}>Room</label>
          <input
            id={`${id}-room`}
            name="room"
            value={room}
            maxLength={200}
            onChange={(event) => setRoom(event.target.value)}
            aria-invalid={roomError ? true : undefined}
            aria-describedby={roomError ? `${id}-room-error` : `${id}-room-hint`}
          />
          {roomError ? (
            <p id={`${id}-room-error`} className="field-error">
              {roomError}
            </p>
          ) : (
            <p id={`${id}-room-hint`} className="field-hint">
              Letters, digits, "-", "_" or "." (up to 64). Everyone with the same room name meets there.
            </p>
          )}
        </div>
        <fieldset className="field avatars">
          <legend>Avatar</legend>
          <label className="avatar-choice">
            <input
              type="radio"
              name="avatar"
              checked={avatarUrl === undefined}
              onChange={() => setAvatarUrl(undefined)}
            />
            <span className="avatar-initials" aria-hidden="true">
              {initialsOf(name)}
            </span>
            <span className="visually-hidden">Initials</span>
          </label>
          {AVATAR_CHOICES.map((choice) => (
            <label key={choice.id} className="avatar-choice">
              <input
                type="radio"
                name="avatar"
                checked={avatarUrl === choice.url}
                onChange={() => setAvatarUrl(choice.url)}
              />
              <img src={choice.url} alt="" width={40} height={40} />
              <span className="visually-hidden">{choice.label}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} name="status" value={status} onChange={(event) => setStatus(event.target.value)}>
            {DEMO_STATUS_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary">
          Join room
        </button>
      </form>
    </main>
  );
}

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts.at(-1)?.[0] ?? ''}` : (parts[0]?.slice(0, 2) ?? '');
  return letters.toUpperCase() || '?';
}
