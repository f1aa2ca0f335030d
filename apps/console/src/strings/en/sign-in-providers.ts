// "Sign in with …": the providers members can sign in with, in the site's membership settings.
import type { ProviderKind } from '../../pages/settings/sign-in-providers.tsx'

export const signInProviders = {
  signInProviders: {
    title: 'Sign-in providers',
    intro:
      'Members can sign in with these accounts ("Continue with GitHub"). Register the callback URL below as the redirect URI at each provider.',
    callbackUrl: 'Callback URL',
    none: 'No sign-in providers yet.',
    add: 'Add a provider',
    edit: (name: string) => `Edit ${name}`,
    remove: (name: string) => `Remove ${name}`,
    removeConfirm: (name: string) =>
      `Remove ${name}? Members can no longer sign in with it; their links to it are kept in case you add it back with the same id.`,
    removed: 'Provider removed.',
    saved: 'Provider saved.',
    name: 'Name',
    kind: 'Provider',
    id: 'Id',
    idHint: 'Lower-case letters, digits and hyphens; the SDK names the provider by it.',
    displayName: 'Button name',
    displayNameHint: 'Shown as "Continue with …". Leave empty for the provider’s name.',
    clientId: 'Client ID',
    clientSecret: 'Client secret',
    secretKept: 'A secret is stored; leave empty to keep it.',
    secretSet: 'Set',
    secretMissing: 'Not set',
    issuer: 'Issuer URL',
    issuerHint: 'The https address whose /.well-known/openid-configuration describes it.',
    tenant: 'Tenant',
    tenantHint: 'common (any account), organizations, consumers, or your tenant id or domain.',
    teamId: 'Team ID',
    keyId: 'Key ID',
    privateKey: 'Private key (.p8)',
    enabled: 'Offer it on the sign-in form',
    offered: 'Offered',
    on: 'On',
    off: 'Off',
    kinds: {
      github: 'GitHub',
      google: 'Google',
      microsoft: 'Microsoft',
      apple: 'Apple',
      oidc: 'OpenID Connect (any provider)',
    } satisfies Record<ProviderKind, string>,
  },
}
