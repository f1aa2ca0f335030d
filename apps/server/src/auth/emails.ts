import { emailJob } from '../mail/job.ts'
import { renderKeyValueEmail } from '../mail/message.ts'
import type { EnqueueOptions } from '../outbox/jobs.ts'

// Every email the membership flows send, in one place so their wording stays consistent.
// Each returns outbox job options: enqueue them in the same batch as the change they announce.

type Site = { name: string }

function mail(
  to: string,
  subject: string,
  body: Parameters<typeof renderKeyValueEmail>[0],
): EnqueueOptions {
  return emailJob({ to: [to], subject, ...renderKeyValueEmail(body) })
}

export function verifyEmailMail(site: Site, to: string, url: string) {
  return mail(to, `Confirm your email for ${site.name}`, {
    title: 'Confirm your email',
    intro: `Welcome to ${site.name}. Confirm that this address is yours; the link works for 24 hours.`,
    action: { label: 'Confirm my email', url },
    footer: `${site.name}. If you did not sign up, ignore this email: nothing happens without a click.`,
  })
}

/** Sent instead of a second account, so registering does not reveal who already has one. */
export function alreadyRegisteredMail(site: Site, to: string, resetUrl: string) {
  return mail(to, `You already have an account on ${site.name}`, {
    title: 'You already have an account',
    intro: `Someone (hopefully you) tried to sign up to ${site.name} with this address, which already has an account. Sign in instead, or reset your password if you forgot it; the link works for 30 minutes.`,
    action: { label: 'Reset my password', url: resetUrl },
    footer: `${site.name}. If this was not you, ignore this email: your account is unchanged.`,
  })
}

/**
 * Registration where the site signs in without passwords: one link confirms the address and
 * signs in (register-by-link.ts), in the browser that registered.
 */
export function signUpLinkMail(site: Site, to: string, url: string) {
  return mail(to, `Confirm your email and sign in to ${site.name}`, {
    title: `Welcome to ${site.name}`,
    intro:
      'Confirm that this address is yours and sign in with the link below, in the browser where you signed up. It works once, for 15 minutes; after that, ask for a sign-in link.',
    action: { label: `Confirm and sign in to ${site.name}`, url },
    footer: `${site.name}. If you did not sign up, ignore this email: nothing happens without a click.`,
  })
}

/** `alreadyRegisteredMail` where the site signs in without passwords: a sign-in link instead. */
export function alreadyRegisteredLinkMail(site: Site, to: string, url: string) {
  return mail(to, `You already have an account on ${site.name}`, {
    title: 'You already have an account',
    intro: `Someone (hopefully you) tried to sign up to ${site.name} with this address, which already has an account. Sign in with the link below, in the browser where you tried; it works once, for 15 minutes.`,
    action: { label: `Sign in to ${site.name}`, url },
    footer: `${site.name}. If this was not you, ignore this email: your account is unchanged.`,
  })
}

export function passwordResetMail(site: Site, to: string, url: string) {
  return mail(to, `Reset your password for ${site.name}`, {
    title: 'Reset your password',
    intro: 'Choose a new password with the link below. It works once, for 30 minutes.',
    action: { label: 'Choose a new password', url },
    footer: `${site.name}. If you did not ask for this, ignore this email: your password is unchanged.`,
  })
}

export function passwordChangedMail(site: Site, to: string, otherSessionsEnded: boolean) {
  const sessions = otherSessionsEnded ? ', and other sessions were signed out' : ''
  return mail(to, `Your ${site.name} password was changed`, {
    title: 'Your password was changed',
    intro: `The password of your ${site.name} account was just changed${sessions}. If this was not you, reset your password now and contact the site.`,
    footer: site.name,
  })
}

export function confirmEmailChangeMail(site: Site, to: string, url: string) {
  return mail(to, `Confirm your new email for ${site.name}`, {
    title: 'Confirm your new email',
    intro: `Confirm that you want to use this address for your ${site.name} account. The link works for 24 hours.`,
    action: { label: 'Use this address', url },
    footer: `${site.name}. If you did not ask for this, ignore this email.`,
  })
}

export function emailChangeRequestedMail(site: Site, to: string, newEmail: string) {
  return mail(to, `Your ${site.name} email is about to change`, {
    title: 'Your email is about to change',
    intro: `Someone signed in to your ${site.name} account asked to change its email to ${newEmail}. It changes only once that address confirms. If this was not you, change your password now.`,
    footer: site.name,
  })
}

export function accountDeletedMail(site: Site, to: string) {
  return mail(to, `Your ${site.name} account was deleted`, {
    title: 'Your account was deleted',
    intro: `Your ${site.name} account and its personal data were deleted, as you asked.`,
    footer: site.name,
  })
}

export function signInLinkMail(site: Site, to: string, url: string) {
  return mail(to, `Sign in to ${site.name}`, {
    title: `Sign in to ${site.name}`,
    intro:
      'Sign in with the link below, in the browser where you asked for it. It works once, for 15 minutes.',
    action: { label: `Sign in to ${site.name}`, url },
    footer: `${site.name}. If you did not ask for this, ignore this email: nobody can sign in without the link.`,
  })
}

/** Sent when two-factor sign-in is turned off, so a thief who did it is noticed. */
export function totpDisabledMail(site: Site, to: string) {
  return mail(to, `Two-factor sign-in was turned off for ${site.name}`, {
    title: 'Two-factor sign-in was turned off',
    intro: `Two-factor sign-in of your ${site.name} account was just turned off, and your other sessions were signed out. If this was not you, reset your password now and contact the site.`,
    footer: site.name,
  })
}
