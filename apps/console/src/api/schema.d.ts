// Generated from docs/openapi.json by `npm run api-types -w @porchlight/console`: do not edit.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description Answers while the process runs: for a supervisor deciding on a restart.
         */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description Answers 200 only when this instance can do its work: for a load balancer or a rolling deploy. `SHUTTING_DOWN`: the process is stopping; `UNSAFE_CONFIGURATION`: a setting is unsafe for production (named in the message, explained in the log); `MIGRATIONS_PENDING`: the database schema is behind; `DATABASE_BUSY`: another process holds the write lock; `DATABASE_UNAVAILABLE`: the database does not answer.
         */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/site": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The site of this key */
        get: operations["getV1Site"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forms/{formId}/challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a challenge for a form
         * @description A proof-of-work challenge (ALTCHA format, valid 10 minutes; each solution is accepted once) and a time token. Send the solution as `_altcha` and the token as `_t` with the submission. Never cache it: fetch one per submission. A closed form answers 404 here. A site’s own server, which needs none, gets one with `maxnumber` 1, solved in a hash or two. A site’s own server may call it with the site’s secret key (`Authorization: Bearer sk_…`) instead of the publishable key; from a browser (a request with `Origin` or `Sec-Fetch-Site`) that is refused with 403 `SECRET_KEY_IN_BROWSER`.
         */
        get: operations["getV1FormsByFormIdChallenge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forms/{formId}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a form
         * @description The form’s fields as JSON (the SDK, the script tag), or as a plain HTML form post (`application/x-www-form-urlencoded` or `multipart/form-data`). JSON answers `201 {id}`; a plain HTML post is redirected (303) to `_next` when it is on one of the site’s origins, else to the form’s `redirectUrl`, else to the thank-you page, and its errors are HTML pages with the same status. Spam is stored for review and answered exactly like any other submission. Each address may send `rateLimits.perAddressPerHour` an hour and the form takes `rateLimits.perFormPerHour`; beyond that, 429 with `Retry-After`, and nothing is stored. From a site’s own server (its secret key), no proof of work, time token or Turnstile token is asked, the content checks and the form’s limit still apply, and the visitor is the address it names in `X-Porchlight-Visitor-Ip` (without one, the server’s own address is recorded and no per-address limit applies). A site’s own server may call it with the site’s secret key (`Authorization: Bearer sk_…`) instead of the publishable key; from a browser (a request with `Origin` or `Sec-Fetch-Site`) that is refused with 403 `SECRET_KEY_IN_BROWSER`.
         */
        post: operations["postV1FormsByFormIdSubmissions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forms/{formId}/thanks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The thank-you page
         * @description Where a plain HTML form post lands when neither `_next` nor the form’s `redirectUrl` says otherwise: a page naming the site, linking to `back` when that is on one of the site’s origins. The submission’s redirect gives the whole URL, with `key` and `back` in its query.
         */
        get: operations["getV1FormsByFormIdThanks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a member
         * @description Creates the account and emails a verification link. The answer is the same 202 when the address already has an account: its owner is emailed a password-reset link instead, so nobody learns which addresses are registered. A username already in use is 422 with `fields.username`. At most 10 registrations an hour from one client IP (429 with `Retry-After`). Where the site has password sign-in off, no password is taken (422 `PASSWORD_NOT_ACCEPTED` if one is sent): the email carries a sign-in link that confirms the address and signs in, in this browser only (`link_sent` with a `browserKey`, as `POST /v1/auth/sign-in-link` answers), and an existing account’s owner is emailed a sign-in link instead.
         */
        post: operations["postV1AuthRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an email address
         * @description Spends the token from the emailed link and marks the address verified. Needs no session: the link is often opened in another browser. A malformed, unknown, expired or used token is 400 `INVALID_TOKEN`, all alike.
         */
        post: operations["postV1AuthVerifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/verify-email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the verification email again
         * @description Mails a fresh link to the signed-in member, or answers `already_verified` and sends nothing. At most 3 an hour (429 with `Retry-After`).
         */
        post: operations["postV1AuthVerifyEmailResend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Starts a session. With `"transport": "bearer"` (the default) the token is in the body; with `"cookie"` it is set as an HttpOnly cookie and left out of the body. A member with two-factor sign-in on gets `{"status": "totp_required", "challenge": …}` instead, to send with a code to `POST /v1/auth/login/totp`; staff the site requires it of, who have not enrolled, get `totp_setup_required` and enrol with the challenge. An unknown email, a wrong password and a banned account all answer 401 `INVALID_CREDENTIALS` after the same work. `ACCOUNT_SUSPENDED` (with `fields.suspendedUntil`) and `EMAIL_NOT_VERIFIED` are told only after a correct password. Repeated failures for an email address or from one client IP are throttled: 429 with `Retry-After`. Refused with 403 `SIGN_IN_METHOD_DISABLED` where the site has turned password sign-in off.
         */
        post: operations["postV1AuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Ends the session the request was made with, and clears its cookie.
         */
        post: operations["postV1AuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out everywhere
         * @description Ends every session of the member, this one included.
         */
        post: operations["postV1AuthLogoutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who is signed in
         * @description The account and session the request was made with, or `{ "account": null }` for a guest. A session that has ended is 401 `INVALID_SESSION`, so a client learns at once to forget it.
         */
        get: operations["getV1AuthSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The member’s sessions
         * @description Every live session of the member, most recently used first; the one making the request is marked `current`.
         */
        get: operations["getV1AuthSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End one of the member’s sessions
         * @description Ends a session by its id (from the list of sessions). Another member’s session, or none, is 404 `SESSION_NOT_FOUND`.
         */
        delete: operations["deleteV1AuthSessionsById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in: the two-factor step
         * @description The challenge from `POST /v1/auth/login` (or a sign-in link) with the authenticator app’s current code, or one recovery code (then spent). Answers as `POST /v1/auth/login` does when signed in. A wrong or reused code, or a challenge expired (10 minutes), spent or out of attempts (5), is 401 `INVALID_TOTP_CODE`, all alike. Wrong codes are throttled per member and client IP like passwords: 429 with `Retry-After`.
         */
        post: operations["postV1AuthLoginTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Two-factor status
         * @description Whether the site offers TOTP, whether the member has it on or must, and how many recovery codes are left.
         */
        get: operations["getV1AuthTotp"];
        put?: never;
        post?: never;
        /**
         * Turn two-factor off
         * @description After a current code or the password; a member without a password (`hasPassword` false) may instead send `{}` within 10 minutes of signing in (later, 403 `REAUTHENTICATION_REQUIRED`: sign in again, then repeat). The recovery codes go too, every other session of the member ends, and the address is told. Refused (403 `TOTP_REQUIRED`) where the site requires TOTP of the member’s role. Throttled: 429 with `Retry-After`.
         */
        delete: operations["deleteV1AuthTotp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/totp/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start turning two-factor on
         * @description A new key for an authenticator app, as text, an `otpauth://` URI and an SVG QR code, pending until `POST /v1/auth/totp/confirm` proves the app has it. Needs a session, or the challenge of a sign-in answered `totp_setup_required`. Already on is 409 `TOTP_ALREADY_ENABLED`; a site that does not offer TOTP, 403 `TOTP_UNAVAILABLE`.
         */
        post: operations["postV1AuthTotpSetup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm turning two-factor on
         * @description The app’s current code for the pending key puts it in force, answers ten recovery codes (shown only now), and ends the member’s other sessions. With a sign-in challenge it also starts the session, answered as `POST /v1/auth/login` does. A wrong code is 422 with `fields.code`.
         */
        post: operations["postV1AuthTotpConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/totp/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make new recovery codes
         * @description Ten new codes in place of the old ones, after the password (at most 10 checks an hour: 429). A member without one (`hasPassword` false) leaves it out and must have signed in within the last 10 minutes (403 `REAUTHENTICATION_REQUIRED`: sign in again, then repeat).
         */
        post: operations["postV1AuthTotpRecoveryCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sign-in-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email me a sign-in link
         * @description Mails a single-use link (15 minutes) if the address has an account; the answer is the same 202 either way, with a `browserKey` to keep for redeeming. At most 5 an hour per email address and 20 per client IP (429 with `Retry-After`). 403 `SIGN_IN_METHOD_DISABLED` where the site has not turned sign-in links on.
         */
        post: operations["postV1AuthSignInLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sign-in-link/redeem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with an emailed link
         * @description Spends the link’s token, marks the address verified and answers as `POST /v1/auth/login` does: a session, or the two-factor step first. Without the `browserKey` of the browser that asked, 403 `SIGN_IN_LINK_OTHER_BROWSER` and the link stays usable there. A malformed, unknown, expired or used token is 400 `INVALID_TOKEN`, all alike.
         */
        post: operations["postV1AuthSignInLinkRedeem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sign-in methods the site offers
         * @description Which ways to sign in the site has turned on, for a sign-in form to show.
         */
        get: operations["getV1AuthMethods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/passkeys/register/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start adding a passkey
         * @description Options for `navigator.credentials.create()` (WebAuthn), with a challenge for this member valid for 5 minutes, once. The member’s existing passkeys are listed in `excludeCredentials`. 403 `SIGN_IN_METHOD_DISABLED` where the site has passkeys off; 403 `REAUTHENTICATION_REQUIRED` unless the member signed in within the last 10 minutes (a passkey added from a stolen session would outlast it).
         */
        post: operations["postV1AuthPasskeysRegisterOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The member’s passkeys
         * @description Newest first: each one’s name, when it was added and last used. Never key material.
         */
        get: operations["getV1AuthPasskeys"];
        put?: never;
        /**
         * Add a passkey
         * @description Stores the passkey the authenticator made with the options’ challenge (attestation `none`: the make of the authenticator is not asked). Checked: the ceremony type, the page’s origin (one of the site’s, inside the relying party id), the challenge (this member’s, live, unused; spent now), the relying party id hash, user presence, and the key type (ES256 or RS256). Each refusal has its own code and stores nothing.
         */
        post: operations["postV1AuthPasskeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/passkeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a passkey
         * @description A member keeps at least one way to sign in: removing the last passkey of a member with no password the site takes, no sign-in links on the site and no linked provider is 409 `LAST_SIGN_IN_METHOD`, and the passkey stays. Another member’s passkey, or none, is 404 `PASSKEY_NOT_FOUND`.
         */
        delete: operations["deleteV1AuthPasskeysById"];
        options?: never;
        head?: never;
        /**
         * Rename a passkey
         * @description Another member’s passkey, or none, is 404 `PASSKEY_NOT_FOUND`.
         */
        patch: operations["patchV1AuthPasskeysById"];
        trace?: never;
    };
    "/v1/auth/passkeys/sign-in/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start signing in with a passkey
         * @description Options for `navigator.credentials.get()` with an empty `allowCredentials` (discoverable passkeys; works with conditional UI) and a challenge valid for 5 minutes, once. The answer is the same for everyone. At most 30 a minute per client IP (429 with `Retry-After`). 403 `SIGN_IN_METHOD_DISABLED` where the site has passkeys off.
         */
        post: operations["postV1AuthPasskeysSignInOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/passkeys/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a passkey
         * @description Checks the authenticator’s answer to the options’ challenge and answers as `POST /v1/auth/login` does. A passkey used with user verification (a PIN, a fingerprint) counts as two factors: no TOTP step follows. Without it, a member with TOTP on gets the `totp_required` step. Refused, storing nothing: an unknown credential (another site’s, or removed) 401 `PASSKEY_UNKNOWN_CREDENTIAL`; a bad signature 401 `PASSKEY_INVALID_SIGNATURE`; a signature counter that did not move forward (a cloned authenticator) 401 `PASSKEY_COUNTER_ROLLBACK`; a page outside the site’s origins 400 `PASSKEY_ORIGIN_MISMATCH`; an expired or used challenge 400 `PASSKEY_CHALLENGE_INVALID`. Failures are throttled like passwords: 429 with `Retry-After`.
         */
        post: operations["postV1AuthPasskeysSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oauth/start/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start signing in with a provider
         * @description Answers the provider’s sign-in page to send the browser to (PKCE, `state`, and `nonce` for OpenID providers). `returnTo` must be on one of the site’s origins (422 otherwise); the result comes back there in the URL’s fragment, for `POST /v1/auth/oauth/complete` with the same `browserKey`. `purpose: "link"` adds the provider to the signed-in member, who must have signed in within the last 10 minutes (403 `REAUTHENTICATION_REQUIRED` otherwise: a provider linked from a stolen session would outlast it). 404 `OAUTH_PROVIDER_UNKNOWN` for a provider the site does not offer; 503 `OAUTH_PROVIDER_UNAVAILABLE` when an OpenID provider’s discovery cannot be read. At most 30 starts per 10 minutes per client IP.
         */
        post: operations["postV1AuthOauthStartByProvider"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oauth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Return from a provider
         * @description Where providers send the member back (the one callback URL to register at every provider). Always a 303 to the page that started, with `#porchlight_oauth=<grant>` or `#porchlight_oauth_error=<CODE>` (`OAUTH_CANCELLED`, `OAUTH_PROVIDER_ERROR`, `OAUTH_ID_TOKEN_INVALID`) in the fragment, which never reaches a server. An unknown, expired or used `state` is 400 `OAUTH_STATE_INVALID`.
         */
        get: operations["getV1AuthOauthCallback"];
        put?: never;
        /**
         * Return from a provider (form post)
         * @description Where providers send the member back (the one callback URL to register at every provider). Always a 303 to the page that started, with `#porchlight_oauth=<grant>` or `#porchlight_oauth_error=<CODE>` (`OAUTH_CANCELLED`, `OAUTH_PROVIDER_ERROR`, `OAUTH_ID_TOKEN_INVALID`) in the fragment, which never reaches a server. An unknown, expired or used `state` is 400 `OAUTH_STATE_INVALID`.
         */
        post: operations["postV1AuthOauthCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oauth/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish signing in with a provider
         * @description Redeems the grant from the URL’s fragment, once, with the `browserKey` that started (403 `OAUTH_OTHER_BROWSER` otherwise). Answers as `POST /v1/auth/login` does (a session, or the two-factor step first), or `{"status": "linked"}` for linking. A provider account already linked signs its member in; otherwise an address the provider verified signs in the member whose own verified address it is (linking the provider), or creates a member; 409 `OAUTH_ACCOUNT_NOT_VERIFIED` when that member never confirmed the address, 409 `OAUTH_EMAIL_IN_USE` when the provider does not vouch for an address an account uses, 409 `OAUTH_IDENTITY_IN_USE` when linking an account another member uses. An unknown, expired or used grant is 400 `OAUTH_GRANT_INVALID`.
         */
        post: operations["postV1AuthOauthComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The member’s linked providers
         * @description The provider accounts that sign in to this account.
         */
        get: operations["getV1AuthIdentities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/identities/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unlink a provider
         * @description Removes the provider’s accounts from the member. 409 `LAST_SIGN_IN_METHOD` when it would leave no way to sign in (no password the site accepts, no emailed links, no passkey, no other provider); 404 `IDENTITY_NOT_FOUND` when none is linked.
         */
        delete: operations["deleteV1AuthIdentitiesByProvider"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password-reset link
         * @description Emails a reset link when the address has an account. The answer is the same 202 either way, so nobody learns which addresses are registered. Requests are limited per email address and per client IP (429 with `Retry-After`). A member who joined without a password sets a first one this way. 403 `SIGN_IN_METHOD_DISABLED` where the site has password sign-in off.
         */
        post: operations["postV1AuthPasswordResetRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password from a reset link
         * @description Spends the emailed token, sets the password, marks the address verified and ends every session of the member; sign in again afterwards. A password the site’s rules refuse is 422 with `fields.password`, and leaves the link usable. A malformed, unknown, expired or used token is 400 `INVALID_TOKEN`; too many bad tokens from one client are 429. 403 `SIGN_IN_METHOD_DISABLED` where the site has password sign-in off.
         */
        post: operations["postV1AuthPasswordResetConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email-change/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a new email address
         * @description Finishes an email change from the link sent to the new address, which then counts as verified, and answers the account. Needs no session. 409 `EMAIL_TAKEN` when another account registered the address since (the link stays unspent); 400 `INVALID_TOKEN` for a malformed, unknown, expired or used token; too many bad tokens from one client are 429.
         */
        post: operations["postV1AuthEmailChangeConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member’s account */
        get: operations["getV1Account"];
        put?: never;
        post?: never;
        /**
         * Delete the member’s account
         * @description Needs the password (403 `INVALID_PASSWORD`); a member without one (`hasPassword` false) leaves it out and must have signed in within the last 10 minutes (403 `REAUTHENTICATION_REQUIRED`: sign in again, then repeat). Deletes the account, its sessions and emailed links at once, and frees the address; the site’s `deletedMemberPosts` setting decides what happens to forum posts. A last email confirms it.
         */
        delete: operations["deleteV1Account"];
        options?: never;
        head?: never;
        /**
         * Change the member’s profile
         * @description Changes only the fields sent; `null` clears an optional one. A username another member uses is 422 with `fields.username`.
         */
        patch: operations["patchV1Account"];
        trace?: never;
    };
    "/v1/account/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the member’s password
         * @description Needs the current password (403 `INVALID_PASSWORD`). By default every other session ends and this one stays (`signOutOtherSessions`). A new password the site’s rules refuse is 422 with `fields.newPassword`. Current-password checks are limited to 10 an hour per member, across this, email change and deletion (429 with `Retry-After`).
         */
        post: operations["postV1AccountPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the member’s email address
         * @description Needs the current password (403 `INVALID_PASSWORD`); a member without one (`hasPassword` false) leaves it out and must have signed in within the last 10 minutes (403 `REAUTHENTICATION_REQUIRED`: sign in again, then repeat). Emails a confirmation link to the new address and a notice to the old one; the change is made when the link is followed (`POST /v1/auth/email-change/confirm`). When another account already uses the new address the answer is the same 202, and nothing is sent to it. The current address itself is 422 with `fields.newEmail`.
         */
        post: operations["postV1AccountEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the member’s data
         * @description Everything the site holds about the member as one JSON document, sent as a file download: the account, live sessions, contact-form messages sent while signed in, and every forum post written.
         */
        get: operations["getV1AccountExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the categories
         * @description The categories the reader may see, in the site’s order. Guests read what everyone may; a member’s session also opens members-only categories, and a moderator’s hidden threads.
         */
        get: operations["getV1ForumCategories"];
        put?: never;
        /**
         * Create a category
         * @description Slugs are unique within the site (409 CATEGORY_EXISTS).
         */
        post: operations["postV1ForumCategories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/categories/{slug}/threads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a category’s threads
         * @description Pinned threads first, then by latest activity. Pages with `cursor`: pass the `nextCursor` of one page to get the next; it is `null` on the last. A category the reader may not see answers 404, as one that does not exist.
         */
        get: operations["getV1ForumCategoriesBySlugThreads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/threads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a thread
         * @description The thread and its category, without its posts. Guests read what everyone may; a member’s session also opens members-only categories, and a moderator’s hidden threads. A thread the reader may not see answers 404.
         */
        get: operations["getV1ForumThreadsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/threads/{id}/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a thread’s posts
         * @description Posts in order of their `number`. Pass `cursor` (or `after`, a post number) to continue after a page: `nextCursor` is always present, so polling with the last one picks up new posts. Deleted posts keep their place as "[deleted]"; hidden ones show as "[hidden by a moderator]" except to moderators. Each answer carries an `ETag`: send it back as `If-None-Match` and the answer is 304 with no body while nothing in the thread changed.
         */
        get: operations["getV1ForumThreadsByIdPosts"];
        put?: never;
        /**
         * Reply to a thread
         * @description Adds a post at the end of the thread and answers with its number and the post as rendered. `replyTo` names a post of the same thread whose author is told. The body is markdown (raw HTML is not rendered), at most the site’s `maxPostLength` characters. On their first day, members may post only a few times (429 NEW_MEMBER_LIMIT, with `Retry-After`) and with few links (422). A locked thread takes no replies (403 THREAD_LOCKED), and a thread in slow mode one per member per interval (429 SLOW_MODE, with `Retry-After`); moderators are exempt from both.
         */
        post: operations["postV1ForumThreadsByIdPosts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/threads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a thread
         * @description Creates the thread with its opening post, and answers with the post as rendered. The body is markdown (raw HTML is not rendered), at most the site’s `maxPostLength` characters. On their first day, members may post only a few times (429 NEW_MEMBER_LIMIT, with `Retry-After`) and with few links (422). Categories may let only moderators start threads (403 FORBIDDEN).
         */
        post: operations["postV1ForumThreads"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a post
         * @description Renders a body exactly as it would be posted by this member, and stores nothing. At most 120 previews a minute per member (429 RATE_LIMITED, with `Retry-After`).
         */
        post: operations["postV1ForumPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a post
         * @description Its author (even while suspended) or a moderator. The post keeps its place in the thread as "[deleted]"; deleting the opening post leaves the thread and its title.
         */
        delete: operations["deleteV1ForumPostsById"];
        options?: never;
        head?: never;
        /**
         * Edit a post
         * @description Replaces the body; the previous one is kept as a revision. Authors edit within the site’s edit window (403 EDIT_WINDOW_CLOSED), and not while a moderator reviews their hidden post (409 POST_HIDDEN); moderators edit any post, and its author is told. Sending the same text changes nothing.
         */
        patch: operations["patchV1ForumPostsById"];
        trace?: never;
    };
    "/v1/forum/posts/{id}/like": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Like a post
         * @description Idempotent: liking again changes nothing. Not one’s own post (403 OWN_POST).
         */
        put: operations["putV1ForumPostsByIdLike"];
        post?: never;
        /**
         * Take back a like
         * @description Idempotent: a post not liked stays so.
         */
        delete: operations["deleteV1ForumPostsByIdLike"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/posts/{id}/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Flag a post
         * @description Asks the moderators to review the post; once per member and post (409 ALREADY_FLAGGED). Enough open flags from distinct members (the site’s `flagsToHide`) hide the post until a moderator decides.
         */
        post: operations["postV1ForumPostsByIdFlags"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/moderation/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The flag queue
         * @description One item per flagged post, with the post as moderators see it, its flags and their reasons. Open flags come oldest first; dismissed and actioned ones (`status`) newest first. Pages with `cursor`/`nextCursor`.
         */
        get: operations["getV1ForumModerationFlags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/moderation/flags/{postId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve a post’s flags
         * @description One decision for every open flag of the post: `dismiss` (a post the flags hid is shown again), `hide`, `delete`, or `suspend_author` for `suspendDays` (the post is hidden too). The author is told of every outcome but a dismissal.
         */
        post: operations["postV1ForumModerationFlagsByPostIdResolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/moderation/posts/{id}/hide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hide a post
         * @description It shows as "[hidden by a moderator]" to everyone else; its author is told the reason. Repeating an action already in effect changes nothing and logs nothing.
         */
        post: operations["postV1ForumModerationPostsByIdHide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/moderation/posts/{id}/unhide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Show a hidden post again
         * @description The body, with an optional `reason`, may be left out. Repeating an action already in effect changes nothing and logs nothing.
         */
        post: operations["postV1ForumModerationPostsByIdUnhide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/moderation/threads/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a thread
         * @description To another category of the site, named by its slug.
         */
        post: operations["postV1ForumModerationThreadsByIdMove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/moderation/threads/{id}/slow-mode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a thread’s slow mode
         * @description Seconds each member must wait between posts in the thread (moderators are exempt); 0 turns it off.
         */
        post: operations["postV1ForumModerationThreadsByIdSlowMode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/moderation/threads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a thread for good
         * @description The thread and everything in it; hiding is the reversible choice. A `reason` is required in the body: the log and the author are told it.
         */
        delete: operations["deleteV1ForumModerationThreadsById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/moderation/members/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend a member
         * @description For `days`, or `until` a time (ms since the epoch), at most ten years; every session of the member ends at once. Moderators suspend members, admins also moderators; admins are the site owner’s to suspend, and nobody suspends themselves (403). A banned member stays banned (409 MEMBER_BANNED).
         */
        post: operations["postV1ForumModerationMembersByIdSuspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/moderation/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The moderation log
         * @description Who did what, when and why, newest first; pages with `cursor`/`nextCursor`. Entries stay when the member who acted leaves (`actor: null`).
         */
        get: operations["getV1ForumModerationLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/categories/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an empty category
         * @description Only while it has no threads (409 CATEGORY_NOT_EMPTY): move or delete them first.
         */
        delete: operations["deleteV1ForumCategoriesBySlug"];
        options?: never;
        head?: never;
        /**
         * Change a category
         * @description Any of its fields, the slug included; fields left out keep their value.
         */
        patch: operations["patchV1ForumCategoriesBySlug"];
        trace?: never;
    };
    "/v1/forum/members/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a member’s role
         * @description `member`, `moderator` or `admin`, on anyone but oneself (403 OWN_ACCOUNT); it takes effect on the member’s next request. A member promoted without two-factor sign-in, where the site requires it of staff, is signed out everywhere and asked to enrol at the next sign-in.
         */
        put: operations["putV1ForumMembersByIdRole"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/moderation/threads/{id}/hide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hide a thread
         * @description Only moderators see it afterwards; its author is told, with the reason if any. The body, with an optional `reason`, may be left out. Repeating an action already in effect changes nothing and logs nothing.
         */
        post: operations["postV1ForumModerationThreadsByIdHide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/moderation/threads/{id}/unhide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Show a hidden thread again
         * @description Its author is told. The body, with an optional `reason`, may be left out. Repeating an action already in effect changes nothing and logs nothing.
         */
        post: operations["postV1ForumModerationThreadsByIdUnhide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/moderation/threads/{id}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lock a thread
         * @description It takes no new replies but from moderators. The body, with an optional `reason`, may be left out. Repeating an action already in effect changes nothing and logs nothing.
         */
        post: operations["postV1ForumModerationThreadsByIdLock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/moderation/threads/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlock a thread
         * @description It takes replies again. The body, with an optional `reason`, may be left out. Repeating an action already in effect changes nothing and logs nothing.
         */
        post: operations["postV1ForumModerationThreadsByIdUnlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/moderation/threads/{id}/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pin a thread
         * @description It is listed first in its category. The body, with an optional `reason`, may be left out. Repeating an action already in effect changes nothing and logs nothing.
         */
        post: operations["postV1ForumModerationThreadsByIdPin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/moderation/threads/{id}/unpin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unpin a thread
         * @description It is listed by activity again. The body, with an optional `reason`, may be left out. Repeating an action already in effect changes nothing and logs nothing.
         */
        post: operations["postV1ForumModerationThreadsByIdUnpin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The unsubscribe page
         * @description The page an email’s unsubscribe link opens: it names what the link stops and asks to confirm with a button. Opening it changes nothing, since mail scanners open links too.
         */
        get: operations["getV1NotificationsUnsubscribe"];
        put?: never;
        /**
         * Unsubscribe
         * @description Turns the mail the token names off: one thread’s replies (mentions and direct replies still arrive), or every discussion email. Needs no key and no session, and is what mail providers call for one-click unsubscribe (RFC 8058), whatever the body.
         */
        post: operations["postV1NotificationsUnsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my notifications
         * @description Newest first; `unread=true` for the unread ones only. Pages with `cursor`/`nextCursor`. Notifications about content the member can no longer see are left out.
         */
        get: operations["getV1Notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count my unread notifications
         * @description For a badge; counting stops at 999.
         */
        get: operations["getV1NotificationsUnreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark notifications read
         * @description The ones named in `ids`, or all of them when `ids` is left out. Ids that are not the member’s are ignored.
         */
        post: operations["postV1NotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My email preferences
         * @description Which notifications also come by email; all on until the member chooses.
         */
        get: operations["getV1NotificationsPreferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change my email preferences
         * @description Any subset of the switches; the others keep their value.
         */
        patch: operations["patchV1NotificationsPreferences"];
        trace?: never;
    };
    "/v1/forum/threads/{id}/watch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My watch level on a thread
         * @description `watching`: every reply notifies; `normal`: only mentions, quotes and direct replies; `muted`: nothing. Starting or replying to a thread watches it, unless the member chose otherwise before.
         */
        get: operations["getV1ForumThreadsByIdWatch"];
        /**
         * Set my watch level on a thread
         * @description The choice is kept: posting in the thread later does not change it.
         */
        put: operations["putV1ForumThreadsByIdWatch"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forum/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the discussions
         * @description Posts and thread titles containing every word of `q` (the last one as a prefix), best first, among what the reader may see; hidden and deleted posts are never found. `q` needs a word of two letters or more (422). Pages with `cursor`/`nextCursor`, up to the first 500 results. At most 60 searches a minute per client address (429 RATE_LIMITED, with `Retry-After`).
         */
        get: operations["getV1ForumSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in to the console
         * @description With the operator’s email and password. `signed_in` sets the session cookie; `totp_required` answers a challenge for `POST /v1/operator/sign-in/totp` and sets no cookie; `totp_setup_required` sets a restricted session that may only set up TOTP and sign out. A wrong password and an unknown email answer the same 401 after the same work. Throttled like members’ sign-in: growing waits (429 with `Retry-After`), never a lockout.
         */
        post: operations["postV1OperatorSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/sign-in/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish signing in with a TOTP code
         * @description The challenge from `POST /v1/operator/sign-in` with the authenticator app’s current code, or one of the recovery codes (each works once). A wrong or reused code, and an expired or spent challenge, answer 401 `INVALID_TOTP_CODE` alike; after 5 wrong codes the challenge is spent and the password is asked again. Throttled per operator and address (429 with `Retry-After`).
         */
        post: operations["postV1OperatorSignInTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out of the console
         * @description Ends the session and clears its cookie. Answers 204 when signed out already.
         */
        post: operations["postV1OperatorSignOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in operator
         * @description Who is signed in, whether TOTP is on and required, and the sites they have a role on. While TOTP setup is required the site list is empty.
         */
        get: operations["getV1OperatorSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/totp/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start setting up TOTP
         * @description A new key for an authenticator app, as text, an `otpauth://` URI and an SVG QR code. It is pending until `POST /v1/operator/totp/confirm` proves the app has it; a key already in force stays so until then. Allowed to a restricted session.
         */
        post: operations["postV1OperatorTotpSetup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm TOTP setup
         * @description The app’s current code for the pending key puts it in force, answers ten recovery codes (shown only now), and ends the operator’s other sessions. A wrong code is 422 with `fields.code`. Allowed to a restricted session, which it makes a full one.
         */
        post: operations["postV1OperatorTotpConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make new recovery codes
         * @description Ten new codes in place of the old ones, after the password. Throttled with sign-in (429 with `Retry-After`).
         */
        post: operations["postV1OperatorRecoveryCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Turn TOTP off
         * @description After the password; its recovery codes go too. Refused (403 `TOTP_REQUIRED`) where OPERATOR_TOTP requires it for this operator.
         */
        delete: operations["deleteV1OperatorTotp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/invites/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An invite, by its link
         * @description What the emailed link invites to. An expired, used, withdrawn or unknown token answers 404 `INVITE_NOT_FOUND` alike.
         */
        get: operations["getV1OperatorInvitesByToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/invites/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invite
         * @description Signed in with the invited address, the token alone adds the role. Otherwise `name` and `password` (at least 12 characters) make a new operator account, signed in with the session cookie. An address that has an account already must sign in first (409 `SIGN_IN_TO_ACCEPT`). `totp_setup_required`: the role requires TOTP, to set up before anything else.
         */
        post: operations["postV1OperatorInvitesAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a site
         * @description The signed-in operator becomes its owner. Allowed to deployment admins and to owners of a site (403 `ROLE_FORBIDDEN` otherwise). The answer holds the site’s first secret key, this once: only its hash is stored.
         */
        post: operations["postV1OperatorSites"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/backups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Scheduled backups
         * @description The backups the server has made in BACKUP_DIR (name, size, time), newest first, with the schedule; `{ enabled: false }` without one. Every site’s data is in each file, so only deployment admins see this (403 `ROLE_FORBIDDEN` for other operators).
         */
        get: operations["getV1OperatorBackups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/site": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The site, its origins and keys
         * @description Secret keys are listed by id and hint; their secrets are never shown again. Console operators below owner get an empty list.
         */
        get: operations["getV1AdminSite"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename the site */
        patch: operations["patchV1AdminSite"];
        trace?: never;
    };
    "/v1/admin/origins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Allow an origin
         * @description The publishable key then works from pages on this origin.
         */
        post: operations["postV1AdminOrigins"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/origins/{origin}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove an allowed origin
         * @description The origin goes in the path URL-encoded (`https%3A%2F%2Fexample.com`).
         */
        delete: operations["deleteV1AdminOriginsByOrigin"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a secret key
         * @description The answer holds the whole key, this once: only its hash is stored.
         */
        post: operations["postV1AdminKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a secret key
         * @description Effective on the next request. The site’s last active key cannot be revoked: create another first.
         */
        delete: operations["deleteV1AdminKeysById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/publishable-key/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the publishable key
         * @description The old key stops working at once: update the pages that use it.
         */
        post: operations["postV1AdminPublishableKeyRotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deliveries
         * @description Emails and webhooks, newest first, a page at a time.
         */
        get: operations["getV1AdminOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/outbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery */
        get: operations["getV1AdminOutboxById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/outbox/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a delivery that gave up
         * @description Queues a `dead` delivery again, with a fresh set of attempts.
         */
        post: operations["postV1AdminOutboxByIdRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List forms
         * @description Every form of the site, oldest first.
         */
        get: operations["getV1AdminForms"];
        put?: never;
        /**
         * Create a form
         * @description Settings left out take their defaults. A `webhookUrl` on a private or local address is refused (422) unless the deployment allows private webhooks.
         */
        post: operations["postV1AdminForms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/forms/{formId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a form */
        get: operations["getV1AdminFormsByFormId"];
        put?: never;
        post?: never;
        /**
         * Delete a form
         * @description Its submissions are kept: they are the owner’s records.
         */
        delete: operations["deleteV1AdminFormsByFormId"];
        options?: never;
        head?: never;
        /**
         * Change a form
         * @description Each top-level key of `settings` replaces the stored one; keys left out keep their value. The settings that result are validated as a whole; problems are reported under `settings.<key>`.
         */
        patch: operations["patchV1AdminFormsByFormId"];
        trace?: never;
    };
    "/v1/admin/forms/{formId}/webhook-secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a form’s webhook secret
         * @description Deliveries from now on, retries included, are signed with the new secret.
         */
        post: operations["postV1AdminFormsByFormIdWebhookSecretRotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/forms/{formId}/webhook/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event to a form’s webhook
         * @description Queues a `test` event, signed like every delivery, to the form’s `webhookUrl`, and answers the delivery’s id: follow it in the form’s deliveries or at `/v1/admin/outbox/{id}`. It is tried once; a failure shows as `dead` with the reason in `lastError`. At most 10 a minute per site.
         */
        post: operations["postV1AdminFormsByFormIdWebhookTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/forms/{formId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A form’s deliveries
         * @description The notification emails and webhook deliveries (test events included) of this form, newest first, with their status, attempts and last error. Pages with `cursor`/`nextCursor`.
         */
        get: operations["getV1AdminFormsByFormIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List submissions
         * @description Newest first, `limit` at a time (default 50). When `nextCursor` is not null, pass it as `cursor` for the next page; pages stay stable while new submissions arrive. `q` searches the submitted values and the sender’s address.
         */
        get: operations["getV1AdminSubmissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/submissions.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export submissions as CSV
         * @description Every matching submission, newest first, streamed as UTF-8 CSV with a byte-order mark: `id`, `created_at`, `form`, `status`, `sender_email`, then one column per field (the form’s configured fields first). A cell that a spreadsheet would run as a formula starts with `'`.
         */
        get: operations["getV1AdminSubmissionsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/submissions/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Act on many submissions
         * @description One action on up to 100 submissions: `read` marks new ones read, `archive` and `spam` move any there, `not_spam` moves spam back to the inbox as new and sends the notification and webhook each missed (once), `delete` deletes. Answers a result for each id; ids of other sites are `not_found`.
         */
        post: operations["postV1AdminSubmissionsBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/submissions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a submission */
        get: operations["getV1AdminSubmissionsById"];
        put?: never;
        post?: never;
        /** Delete a submission */
        delete: operations["deleteV1AdminSubmissionsById"];
        options?: never;
        head?: never;
        /**
         * Change a submission’s status
         * @description Moving spam to `new` or `read` ("not spam") sends the notification and webhook it missed, once however often it is done; `archived` sends nothing.
         */
        patch: operations["patchV1AdminSubmissionsById"];
        trace?: never;
    };
    "/v1/admin/members/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A member’s sessions
         * @description Each device signed in now: when it signed in, when it was last used (to the hour), when the session ends, the browser it named and its address. Never the token. `DELETE` on the same path ends them all.
         */
        get: operations["getV1AdminMembersByIdSessions"];
        put?: never;
        post?: never;
        /**
         * Sign a member out everywhere
         * @description Ends every session of the member; they may sign in again.
         */
        delete: operations["deleteV1AdminMembersByIdSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/members/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a member’s data
         * @description The document the member gets from `GET /v1/account/export`, as a file download: the account, live sessions (none marked `current`), contact-form messages sent while signed in, and every forum post written.
         */
        get: operations["getV1AdminMembersByIdExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List and search members
         * @description Newest first, `limit` at a time (default 50, at most 100). `q` matches part of the email, display name or username; `role` and `status` filter (`status` is the one in force now). Pages follow `nextCursor`: pass it back as `cursor` until it is null. A cursor this API did not return is 400 `INVALID_CURSOR`.
         */
        get: operations["getV1AdminMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One member
         * @description The member, with the number of their sessions still in force.
         */
        get: operations["getV1AdminMembersById"];
        put?: never;
        post?: never;
        /**
         * Delete a member
         * @description Deletes the member with their sessions and emailed links; the site’s `deletedMemberPosts` setting decides what happens to their forum posts. No email is sent.
         */
        delete: operations["deleteV1AdminMembersById"];
        options?: never;
        head?: never;
        /**
         * Change a member’s role
         * @description A member made moderator or admin without two-factor sign-in, where the site requires it of staff (`totp: required_for_staff`), is signed out everywhere: their next sign-in asks them to enrol.
         */
        patch: operations["patchV1AdminMembersById"];
        trace?: never;
    };
    "/v1/admin/members/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend a member
         * @description Until `until` (epoch milliseconds or an ISO 8601 date-time, in the future and at most 10 years ahead), and ends their sessions at once. A banned member stays banned: 409 `MEMBER_BANNED`; unban first. Written to the moderation log, naming the operator (or the owner, for a secret key).
         */
        post: operations["postV1AdminMembersByIdSuspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/members/{id}/ban": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ban a member
         * @description Until unbanned, and ends their sessions at once. The body, with a `reason`, may be left out. Banning again changes nothing. Written to the moderation log, naming the operator (or the owner, for a secret key).
         */
        post: operations["postV1AdminMembersByIdBan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/members/{id}/unban": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lift a ban or a suspension
         * @description The member may sign in again at once. Written to the moderation log, naming the operator (or the owner, for a secret key); lifting nothing logs nothing.
         */
        post: operations["postV1AdminMembersByIdUnban"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/members/{id}/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Reset a member’s two-factor sign-in
         * @description For a member who lost the phone and the recovery codes: turns TOTP off, deletes the recovery codes and ends every session. The password alone signs in afterwards, so be sure the member asked. Staff the site requires TOTP of are asked to enrol again at their next sign-in.
         */
        delete: operations["deleteV1AdminMembersByIdTotp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/auth-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Membership settings
         * @description Every setting, with defaults filled in; the answer can be sent back as a PATCH.
         */
        get: operations["getV1AdminAuthSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change membership settings
         * @description A partial object of the settings in the answer: keys left out keep their value, `null` restores a key’s default. An unknown key or a bad value is 422, each named as `settings.<key>` in `fields`. Answers every setting after the change.
         */
        patch: operations["patchV1AdminAuthSettings"];
        trace?: never;
    };
    "/v1/admin/sign-in-providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sign-in providers
         * @description The providers members can sign in with ("Continue with GitHub"), and the callback URL to register at each. Client secrets and keys are never shown; `clientSecretSet` says whether one is stored.
         */
        get: operations["getV1AdminSignInProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/sign-in-providers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add or change a sign-in provider
         * @description Presets `github`, `google`, `microsoft` (tenant in `issuer`, default `common`), `apple` (`options`: teamId, keyId, privateKey) and `oidc` (any OpenID provider by its https `issuer`). The id (1–40 lower-case letters, digits, hyphens) is what the SDK names. `clientSecret` and `options.privateKey` are write-only: left out, the stored ones stay. A provider missing what it needs is 422 naming the fields.
         */
        put: operations["putV1AdminSignInProvidersById"];
        post?: never;
        /**
         * Remove a sign-in provider
         * @description Members can no longer sign in with it; their links to it are kept, and work again if the provider is added back under the same id.
         */
        delete: operations["deleteV1AdminSignInProvidersById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/forum/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List every category
         * @description All of the site’s categories, members-only ones included, in order.
         */
        get: operations["getV1AdminForumCategories"];
        put?: never;
        /**
         * Create a category
         * @description Slugs are unique within the site (409 CATEGORY_EXISTS). Logged as done by the operator, or the owner for a secret key.
         */
        post: operations["postV1AdminForumCategories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/forum/categories/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an empty category
         * @description Only while it has no threads (409 CATEGORY_NOT_EMPTY): move or delete them first.
         */
        delete: operations["deleteV1AdminForumCategoriesBySlug"];
        options?: never;
        head?: never;
        /**
         * Change a category
         * @description Any of its fields, the slug included; fields left out keep their value.
         */
        patch: operations["patchV1AdminForumCategoriesBySlug"];
        trace?: never;
    };
    "/v1/admin/forum/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Discussion settings
         * @description Every setting, with defaults filled in; the answer can be sent back as a PATCH.
         */
        get: operations["getV1AdminForumSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change discussion settings
         * @description A partial object of the settings in the answer: keys left out keep their value, `null` restores a key’s default. An unknown key or a bad value is 422, each named as `settings.<key>` in `fields`. Answers every setting after the change.
         */
        patch: operations["patchV1AdminForumSettings"];
        trace?: never;
    };
    "/v1/admin/forum/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The flag queue
         * @description One item per flagged post, with the post as moderators see it, its flags and their reasons. Open flags come oldest first; dismissed and actioned ones (`status`) newest first. Pages with `cursor`/`nextCursor`.
         */
        get: operations["getV1AdminForumFlags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/forum/posts/{id}/flags/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve a post’s flags
         * @description One decision for every open flag of the post: `dismiss` (a post the flags hid is shown again), `hide`, `delete`, or `suspend_author` for `suspendDays` (the post is hidden too). The author is told of every outcome but a dismissal. The moderation log names who acted: the operator signed in to the console (`by: operator`, with their name), or `by: owner` for a secret key.
         */
        post: operations["postV1AdminForumPostsByIdFlagsResolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/forum/hidden-posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hidden posts
         * @description Posts hidden by a moderator or by the flag threshold (`hiddenReason: "flags"`), and not deleted, newest first, with their thread. Pages with `cursor`/`nextCursor`.
         */
        get: operations["getV1AdminForumHiddenPosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/forum/posts/{id}/hide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hide a post
         * @description It shows as "[hidden by a moderator]" to everyone but moderators; its author is told the `reason`. Hiding a hidden post changes nothing. The moderation log names who acted: the operator signed in to the console (`by: operator`, with their name), or `by: owner` for a secret key.
         */
        post: operations["postV1AdminForumPostsByIdHide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/forum/posts/{id}/unhide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Show a hidden post again
         * @description The body, with an optional `reason`, may be left out. Showing a visible post changes nothing. The moderation log names who acted: the operator signed in to the console (`by: operator`, with their name), or `by: owner` for a secret key.
         */
        post: operations["postV1AdminForumPostsByIdUnhide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/forum/moderation-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The moderation log
         * @description Who did what, when and why, newest first: members who moderate, the site’s operators and secret keys, and the flag threshold. Pages with `cursor`/`nextCursor`.
         */
        get: operations["getV1AdminForumModerationLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/operators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the site’s operators
         * @description Everyone with a role on the site, owners first, and the invites still open.
         */
        get: operations["getV1AdminOperators"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/operator-invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite an operator
         * @description Emails a link to `/console/invite/<token>`, good once for 7 days, to accept the role with an existing or a new operator account. A new invite to the same address replaces the open one. At most 20 an hour per site (429 with `Retry-After`).
         */
        post: operations["postV1AdminOperatorInvites"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/operator-invites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Withdraw an invite
         * @description Its link stops working at once.
         */
        delete: operations["deleteV1AdminOperatorInvitesById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/operators/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove an operator from the site
         * @description Their account stays, with their roles on other sites. A site keeps at least one owner (409 `LAST_OWNER`).
         */
        delete: operations["deleteV1AdminOperatorsById"];
        options?: never;
        head?: never;
        /**
         * Change an operator’s role
         * @description Effective on their next request. A site keeps at least one owner (409 `LAST_OWNER`).
         */
        patch: operations["patchV1AdminOperatorsById"];
        trace?: never;
    };
    "/v1/admin/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log
         * @description Every change made to the site through the owner API and the console, newest first: who (an operator or a secret key), what, from which address, when. Filter by `actor` (an operator’s or key’s id) or `action` (`METHOD /template`).
         */
        get: operations["getV1AdminAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The site at a glance
         * @description Submissions, spam caught (by reason), sign-ups, posts and flags per day over the last 7, 30 or 90 days (`days`, today included), with totals; and the site’s deliveries now: pending, being sent, retrying, dead, and how long the oldest has waited.
         */
        get: operations["getV1AdminOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This OpenAPI document
         * @description The API of this deployment as OpenAPI 3.1, generated from the schemas its routes validate with. Readable from any origin, no key needed; the reference page at `/docs/api` renders it.
         */
        get: operations["getV1OpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Every failed request answers with this envelope (docs/api.md). */
        Error: {
            error: {
                /** @description Stable, SCREAMING_SNAKE: what a program acts on. Each answer lists its own. */
                code: string;
                /** @description For people; may change. */
                message: string;
                /** @description Per-field messages, keyed by the field’s path: every bad field at once. */
                fields?: {
                    [key: string]: string;
                };
            };
        };
    };
    responses: {
        /** @description BAD_REQUEST, INVALID_JSON */
        "400-BAD_REQUEST-INVALID_JSON": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "BAD_REQUEST" | "INVALID_JSON";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_CURSOR */
        "400-INVALID_CURSOR": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_CURSOR";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_JSON */
        "400-INVALID_JSON": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_JSON";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_JSON, INVALID_TOKEN */
        "400-INVALID_JSON-INVALID_TOKEN": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_JSON" | "INVALID_TOKEN";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_JSON, OAUTH_GRANT_INVALID */
        "400-INVALID_JSON-OAUTH_GRANT_INVALID": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_JSON" | "OAUTH_GRANT_INVALID";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_JSON, PASSKEY_CHALLENGE_INVALID, PASSKEY_INVALID_RESPONSE, PASSKEY_ORIGIN_MISMATCH, PASSKEY_RP_ID_MISMATCH */
        "400-INVALID_JSON-PASSKEY_CHALLENGE_INVALID-PASSKEY_INVALID_RESPONSE-PASSKEY_ORIGIN_MISMATCH-PASSKEY_RP_ID_MISMATCH": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_JSON" | "PASSKEY_CHALLENGE_INVALID" | "PASSKEY_INVALID_RESPONSE" | "PASSKEY_ORIGIN_MISMATCH" | "PASSKEY_RP_ID_MISMATCH";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_JSON, PASSKEY_CHALLENGE_INVALID, PASSKEY_INVALID_RESPONSE, PASSKEY_ORIGIN_MISMATCH, PASSKEY_RP_ID_MISMATCH, PASSKEY_UNSUPPORTED_ALGORITHM */
        "400-INVALID_JSON-PASSKEY_CHALLENGE_INVALID-PASSKEY_INVALID_RESPONSE-PASSKEY_ORIGIN_MISMATCH-PASSKEY_RP_ID_MISMATCH-PASSKEY_UNSUPPORTED_ALGORITHM": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_JSON" | "PASSKEY_CHALLENGE_INVALID" | "PASSKEY_INVALID_RESPONSE" | "PASSKEY_ORIGIN_MISMATCH" | "PASSKEY_RP_ID_MISMATCH" | "PASSKEY_UNSUPPORTED_ALGORITHM";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_TOKEN */
        "400-INVALID_TOKEN": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_TOKEN";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description OAUTH_STATE_INVALID */
        "400-OAUTH_STATE_INVALID": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "OAUTH_STATE_INVALID";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_CREDENTIALS */
        "401-INVALID_CREDENTIALS": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_CREDENTIALS";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_CREDENTIALS, INVALID_PUBLISHABLE_KEY */
        "401-INVALID_CREDENTIALS-INVALID_PUBLISHABLE_KEY": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_CREDENTIALS" | "INVALID_PUBLISHABLE_KEY";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_CREDENTIALS, INVALID_PUBLISHABLE_KEY, INVALID_SESSION */
        "401-INVALID_CREDENTIALS-INVALID_PUBLISHABLE_KEY-INVALID_SESSION": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_CREDENTIALS" | "INVALID_PUBLISHABLE_KEY" | "INVALID_SESSION";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_CREDENTIALS, INVALID_PUBLISHABLE_KEY, PASSKEY_COUNTER_ROLLBACK, PASSKEY_INVALID_SIGNATURE, PASSKEY_UNKNOWN_CREDENTIAL */
        "401-INVALID_CREDENTIALS-INVALID_PUBLISHABLE_KEY-PASSKEY_COUNTER_ROLLBACK-PASSKEY_INVALID_SIGNATURE-PASSKEY_UNKNOWN_CREDENTIAL": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_CREDENTIALS" | "INVALID_PUBLISHABLE_KEY" | "PASSKEY_COUNTER_ROLLBACK" | "PASSKEY_INVALID_SIGNATURE" | "PASSKEY_UNKNOWN_CREDENTIAL";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_PUBLISHABLE_KEY */
        "401-INVALID_PUBLISHABLE_KEY": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_PUBLISHABLE_KEY";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_PUBLISHABLE_KEY, INVALID_SECRET_KEY */
        "401-INVALID_PUBLISHABLE_KEY-INVALID_SECRET_KEY": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_PUBLISHABLE_KEY" | "INVALID_SECRET_KEY";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_PUBLISHABLE_KEY, INVALID_SECRET_KEY, INVALID_SESSION */
        "401-INVALID_PUBLISHABLE_KEY-INVALID_SECRET_KEY-INVALID_SESSION": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_PUBLISHABLE_KEY" | "INVALID_SECRET_KEY" | "INVALID_SESSION";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_PUBLISHABLE_KEY, INVALID_SESSION */
        "401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_PUBLISHABLE_KEY" | "INVALID_SESSION";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_PUBLISHABLE_KEY, INVALID_SESSION, INVALID_TOTP_CODE, SIGN_IN_REQUIRED */
        "401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-INVALID_TOTP_CODE-SIGN_IN_REQUIRED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_PUBLISHABLE_KEY" | "INVALID_SESSION" | "INVALID_TOTP_CODE" | "SIGN_IN_REQUIRED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_PUBLISHABLE_KEY, INVALID_SESSION, SIGN_IN_REQUIRED */
        "401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_PUBLISHABLE_KEY" | "INVALID_SESSION" | "SIGN_IN_REQUIRED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_PUBLISHABLE_KEY, INVALID_TOTP_CODE */
        "401-INVALID_PUBLISHABLE_KEY-INVALID_TOTP_CODE": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_PUBLISHABLE_KEY" | "INVALID_TOTP_CODE";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_SECRET_KEY, SIGN_IN_REQUIRED */
        "401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_SECRET_KEY" | "SIGN_IN_REQUIRED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVALID_TOTP_CODE */
        "401-INVALID_TOTP_CODE": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVALID_TOTP_CODE";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description SIGN_IN_REQUIRED */
        "401-SIGN_IN_REQUIRED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "SIGN_IN_REQUIRED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description ACCOUNT_SUSPENDED, CROSS_SITE_REQUEST, EDIT_WINDOW_CLOSED, EMAIL_NOT_VERIFIED, FORBIDDEN, ORIGIN_NOT_ALLOWED */
        "403-ACCOUNT_SUSPENDED-CROSS_SITE_REQUEST-EDIT_WINDOW_CLOSED-EMAIL_NOT_VERIFIED-FORBIDDEN-ORIGIN_NOT_ALLOWED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "ACCOUNT_SUSPENDED" | "CROSS_SITE_REQUEST" | "EDIT_WINDOW_CLOSED" | "EMAIL_NOT_VERIFIED" | "FORBIDDEN" | "ORIGIN_NOT_ALLOWED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description ACCOUNT_SUSPENDED, CROSS_SITE_REQUEST, EMAIL_NOT_VERIFIED, FORBIDDEN, ORIGIN_NOT_ALLOWED */
        "403-ACCOUNT_SUSPENDED-CROSS_SITE_REQUEST-EMAIL_NOT_VERIFIED-FORBIDDEN-ORIGIN_NOT_ALLOWED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "ACCOUNT_SUSPENDED" | "CROSS_SITE_REQUEST" | "EMAIL_NOT_VERIFIED" | "FORBIDDEN" | "ORIGIN_NOT_ALLOWED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description ACCOUNT_SUSPENDED, CROSS_SITE_REQUEST, EMAIL_NOT_VERIFIED, FORBIDDEN, ORIGIN_NOT_ALLOWED, OWN_POST */
        "403-ACCOUNT_SUSPENDED-CROSS_SITE_REQUEST-EMAIL_NOT_VERIFIED-FORBIDDEN-ORIGIN_NOT_ALLOWED-OWN_POST": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "ACCOUNT_SUSPENDED" | "CROSS_SITE_REQUEST" | "EMAIL_NOT_VERIFIED" | "FORBIDDEN" | "ORIGIN_NOT_ALLOWED" | "OWN_POST";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description ACCOUNT_SUSPENDED, CROSS_SITE_REQUEST, EMAIL_NOT_VERIFIED, FORBIDDEN, ORIGIN_NOT_ALLOWED, THREAD_LOCKED */
        "403-ACCOUNT_SUSPENDED-CROSS_SITE_REQUEST-EMAIL_NOT_VERIFIED-FORBIDDEN-ORIGIN_NOT_ALLOWED-THREAD_LOCKED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "ACCOUNT_SUSPENDED" | "CROSS_SITE_REQUEST" | "EMAIL_NOT_VERIFIED" | "FORBIDDEN" | "ORIGIN_NOT_ALLOWED" | "THREAD_LOCKED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description ACCOUNT_SUSPENDED, CROSS_SITE_REQUEST, EMAIL_NOT_VERIFIED, OAUTH_EMAIL_MISSING, OAUTH_OTHER_BROWSER, ORIGIN_NOT_ALLOWED */
        "403-ACCOUNT_SUSPENDED-CROSS_SITE_REQUEST-EMAIL_NOT_VERIFIED-OAUTH_EMAIL_MISSING-OAUTH_OTHER_BROWSER-ORIGIN_NOT_ALLOWED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "ACCOUNT_SUSPENDED" | "CROSS_SITE_REQUEST" | "EMAIL_NOT_VERIFIED" | "OAUTH_EMAIL_MISSING" | "OAUTH_OTHER_BROWSER" | "ORIGIN_NOT_ALLOWED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description ACCOUNT_SUSPENDED, EMAIL_NOT_VERIFIED, ORIGIN_NOT_ALLOWED */
        "403-ACCOUNT_SUSPENDED-EMAIL_NOT_VERIFIED-ORIGIN_NOT_ALLOWED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "ACCOUNT_SUSPENDED" | "EMAIL_NOT_VERIFIED" | "ORIGIN_NOT_ALLOWED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description ACCOUNT_SUSPENDED, EMAIL_NOT_VERIFIED, ORIGIN_NOT_ALLOWED, SIGN_IN_LINK_OTHER_BROWSER, SIGN_IN_METHOD_DISABLED */
        "403-ACCOUNT_SUSPENDED-EMAIL_NOT_VERIFIED-ORIGIN_NOT_ALLOWED-SIGN_IN_LINK_OTHER_BROWSER-SIGN_IN_METHOD_DISABLED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "ACCOUNT_SUSPENDED" | "EMAIL_NOT_VERIFIED" | "ORIGIN_NOT_ALLOWED" | "SIGN_IN_LINK_OTHER_BROWSER" | "SIGN_IN_METHOD_DISABLED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description ACCOUNT_SUSPENDED, EMAIL_NOT_VERIFIED, ORIGIN_NOT_ALLOWED, SIGN_IN_METHOD_DISABLED */
        "403-ACCOUNT_SUSPENDED-EMAIL_NOT_VERIFIED-ORIGIN_NOT_ALLOWED-SIGN_IN_METHOD_DISABLED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "ACCOUNT_SUSPENDED" | "EMAIL_NOT_VERIFIED" | "ORIGIN_NOT_ALLOWED" | "SIGN_IN_METHOD_DISABLED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST */
        "403-CROSS_SITE_REQUEST": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, FORBIDDEN, ORIGIN_NOT_ALLOWED */
        "403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "FORBIDDEN" | "ORIGIN_NOT_ALLOWED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, FORBIDDEN, ORIGIN_NOT_ALLOWED, OWN_ACCOUNT */
        "403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED-OWN_ACCOUNT": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "FORBIDDEN" | "ORIGIN_NOT_ALLOWED" | "OWN_ACCOUNT";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, FORM_DISABLED, ORIGIN_NOT_ALLOWED, SECRET_KEY_IN_BROWSER */
        "403-CROSS_SITE_REQUEST-FORM_DISABLED-ORIGIN_NOT_ALLOWED-SECRET_KEY_IN_BROWSER": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "FORM_DISABLED" | "ORIGIN_NOT_ALLOWED" | "SECRET_KEY_IN_BROWSER";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, INVALID_PASSWORD, ORIGIN_NOT_ALLOWED, PASSWORD_NOT_SET */
        "403-CROSS_SITE_REQUEST-INVALID_PASSWORD-ORIGIN_NOT_ALLOWED-PASSWORD_NOT_SET": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "INVALID_PASSWORD" | "ORIGIN_NOT_ALLOWED" | "PASSWORD_NOT_SET";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, INVALID_PASSWORD, ORIGIN_NOT_ALLOWED, REAUTHENTICATION_REQUIRED */
        "403-CROSS_SITE_REQUEST-INVALID_PASSWORD-ORIGIN_NOT_ALLOWED-REAUTHENTICATION_REQUIRED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "INVALID_PASSWORD" | "ORIGIN_NOT_ALLOWED" | "REAUTHENTICATION_REQUIRED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, INVALID_PASSWORD, ORIGIN_NOT_ALLOWED, REAUTHENTICATION_REQUIRED, TOTP_REQUIRED */
        "403-CROSS_SITE_REQUEST-INVALID_PASSWORD-ORIGIN_NOT_ALLOWED-REAUTHENTICATION_REQUIRED-TOTP_REQUIRED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "INVALID_PASSWORD" | "ORIGIN_NOT_ALLOWED" | "REAUTHENTICATION_REQUIRED" | "TOTP_REQUIRED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, INVALID_PASSWORD, TOTP_REQUIRED, TOTP_SETUP_REQUIRED */
        "403-CROSS_SITE_REQUEST-INVALID_PASSWORD-TOTP_REQUIRED-TOTP_SETUP_REQUIRED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "INVALID_PASSWORD" | "TOTP_REQUIRED" | "TOTP_SETUP_REQUIRED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, INVALID_PASSWORD, TOTP_SETUP_REQUIRED */
        "403-CROSS_SITE_REQUEST-INVALID_PASSWORD-TOTP_SETUP_REQUIRED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "INVALID_PASSWORD" | "TOTP_SETUP_REQUIRED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, INVITE_FOR_ANOTHER_EMAIL */
        "403-CROSS_SITE_REQUEST-INVITE_FOR_ANOTHER_EMAIL": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "INVITE_FOR_ANOTHER_EMAIL";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, ORIGIN_NOT_ALLOWED */
        "403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "ORIGIN_NOT_ALLOWED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, ORIGIN_NOT_ALLOWED, REAUTHENTICATION_REQUIRED */
        "403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED-REAUTHENTICATION_REQUIRED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "ORIGIN_NOT_ALLOWED" | "REAUTHENTICATION_REQUIRED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, ORIGIN_NOT_ALLOWED, REAUTHENTICATION_REQUIRED, SIGN_IN_METHOD_DISABLED */
        "403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED-REAUTHENTICATION_REQUIRED-SIGN_IN_METHOD_DISABLED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "ORIGIN_NOT_ALLOWED" | "REAUTHENTICATION_REQUIRED" | "SIGN_IN_METHOD_DISABLED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, ORIGIN_NOT_ALLOWED, SIGN_IN_METHOD_DISABLED */
        "403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED-SIGN_IN_METHOD_DISABLED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "ORIGIN_NOT_ALLOWED" | "SIGN_IN_METHOD_DISABLED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, ORIGIN_NOT_ALLOWED, TOTP_UNAVAILABLE */
        "403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED-TOTP_UNAVAILABLE": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "ORIGIN_NOT_ALLOWED" | "TOTP_UNAVAILABLE";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, ROLE_FORBIDDEN, SITE_FORBIDDEN, TOTP_SETUP_REQUIRED */
        "403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "ROLE_FORBIDDEN" | "SITE_FORBIDDEN" | "TOTP_SETUP_REQUIRED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CROSS_SITE_REQUEST, ROLE_FORBIDDEN, TOTP_SETUP_REQUIRED */
        "403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-TOTP_SETUP_REQUIRED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CROSS_SITE_REQUEST" | "ROLE_FORBIDDEN" | "TOTP_SETUP_REQUIRED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description ORIGIN_NOT_ALLOWED */
        "403-ORIGIN_NOT_ALLOWED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "ORIGIN_NOT_ALLOWED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description ORIGIN_NOT_ALLOWED, SECRET_KEY_IN_BROWSER */
        "403-ORIGIN_NOT_ALLOWED-SECRET_KEY_IN_BROWSER": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "ORIGIN_NOT_ALLOWED" | "SECRET_KEY_IN_BROWSER";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description ORIGIN_NOT_ALLOWED, SIGN_IN_METHOD_DISABLED */
        "403-ORIGIN_NOT_ALLOWED-SIGN_IN_METHOD_DISABLED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "ORIGIN_NOT_ALLOWED" | "SIGN_IN_METHOD_DISABLED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CATEGORY_NOT_FOUND */
        "404-CATEGORY_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CATEGORY_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CATEGORY_NOT_FOUND, THREAD_NOT_FOUND */
        "404-CATEGORY_NOT_FOUND-THREAD_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CATEGORY_NOT_FOUND" | "THREAD_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description FORM_NOT_FOUND */
        "404-FORM_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "FORM_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description IDENTITY_NOT_FOUND */
        "404-IDENTITY_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "IDENTITY_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INVITE_NOT_FOUND */
        "404-INVITE_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INVITE_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description JOB_NOT_FOUND */
        "404-JOB_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "JOB_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description KEY_NOT_FOUND */
        "404-KEY_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "KEY_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description MEMBER_NOT_FOUND */
        "404-MEMBER_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "MEMBER_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description MEMBER_NOT_FOUND, POST_NOT_FOUND */
        "404-MEMBER_NOT_FOUND-POST_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "MEMBER_NOT_FOUND" | "POST_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description NOT_FOUND */
        "404-NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description OAUTH_PROVIDER_UNKNOWN */
        "404-OAUTH_PROVIDER_UNKNOWN": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "OAUTH_PROVIDER_UNKNOWN";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description OPERATOR_NOT_FOUND */
        "404-OPERATOR_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "OPERATOR_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description ORIGIN_NOT_FOUND */
        "404-ORIGIN_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "ORIGIN_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description PASSKEY_NOT_FOUND */
        "404-PASSKEY_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "PASSKEY_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description POST_NOT_FOUND */
        "404-POST_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "POST_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description PROVIDER_NOT_FOUND */
        "404-PROVIDER_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "PROVIDER_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description SESSION_NOT_FOUND */
        "404-SESSION_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "SESSION_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description SUBMISSION_NOT_FOUND */
        "404-SUBMISSION_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "SUBMISSION_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description THREAD_NOT_FOUND */
        "404-THREAD_NOT_FOUND": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "THREAD_NOT_FOUND";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description ALREADY_FLAGGED, POST_DELETED, POST_HIDDEN */
        "409-ALREADY_FLAGGED-POST_DELETED-POST_HIDDEN": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "ALREADY_FLAGGED" | "POST_DELETED" | "POST_HIDDEN";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description ALREADY_OPERATOR */
        "409-ALREADY_OPERATOR": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "ALREADY_OPERATOR";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CATEGORY_EXISTS */
        "409-CATEGORY_EXISTS": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CATEGORY_EXISTS";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description CATEGORY_NOT_EMPTY */
        "409-CATEGORY_NOT_EMPTY": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "CATEGORY_NOT_EMPTY";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description EMAIL_TAKEN */
        "409-EMAIL_TAKEN": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "EMAIL_TAKEN";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description FORM_EXISTS */
        "409-FORM_EXISTS": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "FORM_EXISTS";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description JOB_NOT_DEAD */
        "409-JOB_NOT_DEAD": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "JOB_NOT_DEAD";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description LAST_OWNER */
        "409-LAST_OWNER": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "LAST_OWNER";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description LAST_SECRET_KEY */
        "409-LAST_SECRET_KEY": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "LAST_SECRET_KEY";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description LAST_SIGN_IN_METHOD */
        "409-LAST_SIGN_IN_METHOD": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "LAST_SIGN_IN_METHOD";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description MEMBER_BANNED */
        "409-MEMBER_BANNED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "MEMBER_BANNED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description MEMBER_BANNED, NO_OPEN_FLAGS */
        "409-MEMBER_BANNED-NO_OPEN_FLAGS": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "MEMBER_BANNED" | "NO_OPEN_FLAGS";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description OAUTH_ACCOUNT_NOT_VERIFIED, OAUTH_EMAIL_IN_USE, OAUTH_IDENTITY_IN_USE */
        "409-OAUTH_ACCOUNT_NOT_VERIFIED-OAUTH_EMAIL_IN_USE-OAUTH_IDENTITY_IN_USE": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "OAUTH_ACCOUNT_NOT_VERIFIED" | "OAUTH_EMAIL_IN_USE" | "OAUTH_IDENTITY_IN_USE";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description ORIGIN_EXISTS */
        "409-ORIGIN_EXISTS": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "ORIGIN_EXISTS";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description PASSKEY_ALREADY_REGISTERED */
        "409-PASSKEY_ALREADY_REGISTERED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "PASSKEY_ALREADY_REGISTERED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description POST_DELETED */
        "409-POST_DELETED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "POST_DELETED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description POST_DELETED, POST_HIDDEN */
        "409-POST_DELETED-POST_HIDDEN": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "POST_DELETED" | "POST_HIDDEN";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description SIGN_IN_TO_ACCEPT */
        "409-SIGN_IN_TO_ACCEPT": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "SIGN_IN_TO_ACCEPT";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description TOTP_ALREADY_ENABLED */
        "409-TOTP_ALREADY_ENABLED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "TOTP_ALREADY_ENABLED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description TOTP_ALREADY_ENABLED, TOTP_SETUP_NOT_STARTED */
        "409-TOTP_ALREADY_ENABLED-TOTP_SETUP_NOT_STARTED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "TOTP_ALREADY_ENABLED" | "TOTP_SETUP_NOT_STARTED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description TOTP_NOT_ENABLED */
        "409-TOTP_NOT_ENABLED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "TOTP_NOT_ENABLED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description TOTP_SETUP_NOT_STARTED */
        "409-TOTP_SETUP_NOT_STARTED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "TOTP_SETUP_NOT_STARTED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description WEBHOOK_NOT_SET */
        "409-WEBHOOK_NOT_SET": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "WEBHOOK_NOT_SET";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description PAYLOAD_TOO_LARGE */
        "413-PAYLOAD_TOO_LARGE": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description UNSUPPORTED_MEDIA_TYPE */
        "415-UNSUPPORTED_MEDIA_TYPE": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "UNSUPPORTED_MEDIA_TYPE";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description FILE_UPLOADS_NOT_SUPPORTED, TOO_MANY_FIELDS, VALIDATION_FAILED */
        "422-FILE_UPLOADS_NOT_SUPPORTED-TOO_MANY_FIELDS-VALIDATION_FAILED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "FILE_UPLOADS_NOT_SUPPORTED" | "TOO_MANY_FIELDS" | "VALIDATION_FAILED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description PASSWORD_NOT_ACCEPTED, VALIDATION_FAILED */
        "422-PASSWORD_NOT_ACCEPTED-VALIDATION_FAILED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "PASSWORD_NOT_ACCEPTED" | "VALIDATION_FAILED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description VALIDATION_FAILED */
        "422-VALIDATION_FAILED": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "VALIDATION_FAILED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description NEW_MEMBER_LIMIT */
        "429-NEW_MEMBER_LIMIT": {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "NEW_MEMBER_LIMIT";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description NEW_MEMBER_LIMIT, SLOW_MODE */
        "429-NEW_MEMBER_LIMIT-SLOW_MODE": {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "NEW_MEMBER_LIMIT" | "SLOW_MODE";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description RATE_LIMITED */
        "429-RATE_LIMITED": {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "RATE_LIMITED";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description INTERNAL_ERROR */
        "500-INTERNAL_ERROR": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description DATABASE_BUSY, DATABASE_UNAVAILABLE, INVALID_CONFIGURATION */
        "503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION": {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "DATABASE_BUSY" | "DATABASE_UNAVAILABLE" | "INVALID_CONFIGURATION";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description DATABASE_BUSY, DATABASE_UNAVAILABLE, INVALID_CONFIGURATION, MIGRATIONS_PENDING, SHUTTING_DOWN, UNSAFE_CONFIGURATION */
        "503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION-MIGRATIONS_PENDING-SHUTTING_DOWN-UNSAFE_CONFIGURATION": {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "DATABASE_BUSY" | "DATABASE_UNAVAILABLE" | "INVALID_CONFIGURATION" | "MIGRATIONS_PENDING" | "SHUTTING_DOWN" | "UNSAFE_CONFIGURATION";
                    };
                } & components["schemas"]["Error"];
            };
        };
        /** @description DATABASE_BUSY, DATABASE_UNAVAILABLE, INVALID_CONFIGURATION, OAUTH_PROVIDER_UNAVAILABLE */
        "503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION-OAUTH_PROVIDER_UNAVAILABLE": {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error?: {
                        /** @enum {unknown} */
                        code?: "DATABASE_BUSY" | "DATABASE_UNAVAILABLE" | "INVALID_CONFIGURATION" | "OAUTH_PROVIDER_UNAVAILABLE";
                    };
                } & components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ready";
                    };
                };
            };
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION-MIGRATIONS_PENDING-SHUTTING_DOWN-UNSAFE_CONFIGURATION"];
        };
    };
    getV1Site: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The site’s id. */
                        id: string;
                        name: string;
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY"];
            403: components["responses"]["403-ORIGIN_NOT_ALLOWED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1FormsByFormIdChallenge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        algorithm: "SHA-256";
                        /** @description SHA-256 of `salt` and the secret number, in hex. */
                        challenge: string;
                        /** @description The secret number is at most this. */
                        maxnumber: number;
                        /** @description Random hex, then `?expires=<unix seconds>&`. */
                        salt: string;
                        signature: string;
                        /** @description Send it back as `_t`: it shows how long the form was open. */
                        timeToken: string;
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SECRET_KEY"];
            403: components["responses"]["403-ORIGIN_NOT_ALLOWED-SECRET_KEY_IN_BROWSER"];
            404: components["responses"]["404-FORM_NOT_FOUND"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1FormsByFormIdSubmissions: {
        parameters: {
            query?: {
                /** @description The publishable key, for plain HTML forms, which cannot send the `X-Porchlight-Key` header. */
                key?: string;
            };
            header?: {
                /** @description From a site’s own server (`Authorization: Bearer sk_…`) only: the address of the visitor it submits for, recorded with the submission and held to the per-address limit. Ignored from anyone else. */
                "X-Porchlight-Visitor-Ip"?: string;
            };
            path: {
                formId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The honeypot (a form may name it otherwise): people leave it empty, bots do not. */
                    _gotcha?: string;
                    /** @description The challenge’s `timeToken`. */
                    _t?: string;
                    /** @description The solved challenge: base64 of the ALTCHA payload (`altcha` is read too). */
                    _altcha?: string;
                    /** @description Plain HTML posts: where to go afterwards, on one of the site’s origins. */
                    _next?: string;
                    /** @description A Cloudflare Turnstile token. */
                    "cf-turnstile-response"?: string;
                } & {
                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                };
                "application/x-www-form-urlencoded": {
                    /** @description The honeypot (a form may name it otherwise): people leave it empty, bots do not. */
                    _gotcha?: string;
                    /** @description The challenge’s `timeToken`. */
                    _t?: string;
                    /** @description The solved challenge: base64 of the ALTCHA payload (`altcha` is read too). */
                    _altcha?: string;
                    /** @description Plain HTML posts: where to go afterwards, on one of the site’s origins. */
                    _next?: string;
                    /** @description A Cloudflare Turnstile token. */
                    "cf-turnstile-response"?: string;
                } & {
                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                };
                "multipart/form-data": {
                    /** @description The honeypot (a form may name it otherwise): people leave it empty, bots do not. */
                    _gotcha?: string;
                    /** @description The challenge’s `timeToken`. */
                    _t?: string;
                    /** @description The solved challenge: base64 of the ALTCHA payload (`altcha` is read too). */
                    _altcha?: string;
                    /** @description Plain HTML posts: where to go afterwards, on one of the site’s origins. */
                    _next?: string;
                    /** @description A Cloudflare Turnstile token. */
                    "cf-turnstile-response"?: string;
                } & {
                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            /** @description A plain HTML form post was accepted; `Location` says where to go next. */
            303: {
                headers: {
                    /** @description The next page. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-BAD_REQUEST-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SECRET_KEY-INVALID_SESSION"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORM_DISABLED-ORIGIN_NOT_ALLOWED-SECRET_KEY_IN_BROWSER"];
            404: components["responses"]["404-FORM_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-FILE_UPLOADS_NOT_SUPPORTED-TOO_MANY_FIELDS-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1FormsByFormIdThanks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY"];
            403: components["responses"]["403-ORIGIN_NOT_ALLOWED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    /** @description Required where the site signs in with passwords; refused (422 `PASSWORD_NOT_ACCEPTED`) where it has password sign-in off. */
                    password?: string;
                    displayName: string;
                    username?: string;
                    /** @description Without a password: the key this browser keeps for its sign-in links (as for `POST /v1/auth/sign-in-link`); left out, the server makes one and answers it. Ignored with a password. */
                    browserKey?: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "verification_sent";
                    } | {
                        /** @constant */
                        status: "link_sent";
                        /** @description The key sent, or a new one: keep it in this browser and send it with the link’s token (`POST /v1/auth/sign-in-link/redeem`); the link signs in only here. */
                        browserKey: string;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY"];
            403: components["responses"]["403-ORIGIN_NOT_ALLOWED-SIGN_IN_METHOD_DISABLED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-PASSWORD_NOT_ACCEPTED-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthVerifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON-INVALID_TOKEN"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY"];
            403: components["responses"]["403-ORIGIN_NOT_ALLOWED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthVerifyEmailResend: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "verification_sent" | "already_verified";
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                    /**
                     * @description `bearer`: the token in the answer; `cookie`: an HttpOnly session cookie.
                     * @default bearer
                     * @enum {string}
                     */
                    transport?: "bearer" | "cookie";
                };
            };
        };
        responses: {
            /** @description Signed in, or the second step it needs. */
            200: {
                headers: {
                    /** @description With `"transport": "cookie"`: the session cookie (HttpOnly, SameSite=Lax, Path=/). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The session token (`<id>.<secret>`), for `Authorization: Bearer`. Keep it secret. */
                        token: string;
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                        /** @description When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner. */
                        expiresAt: number;
                    } | {
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                        /** @description When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner. */
                        expiresAt: number;
                    } | {
                        /**
                         * @description `totp_required`: send a code with the challenge to `POST /v1/auth/login/totp`. `totp_setup_required`: the site requires TOTP of this member’s role; enrol with the challenge (`POST /v1/auth/totp/setup`, then `/confirm`).
                         * @enum {string}
                         */
                        status: "totp_required" | "totp_setup_required";
                        /** @description Works for 10 minutes and at most 5 wrong codes, once. */
                        challenge: string;
                        /** @description Milliseconds since the Unix epoch. */
                        challengeExpiresAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_CREDENTIALS-INVALID_PUBLISHABLE_KEY"];
            403: components["responses"]["403-ACCOUNT_SUSPENDED-EMAIL_NOT_VERIFIED-ORIGIN_NOT_ALLOWED-SIGN_IN_METHOD_DISABLED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthLogoutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AuthSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account: null;
                    } | {
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                        session: {
                            id: string;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description Recorded to the hour. */
                            lastUsedAt: number;
                            /** @description When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner. */
                            expiresAt: number;
                            /**
                             * @description How the session token travels: the `Authorization` header, or a cookie.
                             * @enum {string}
                             */
                            transport: "bearer" | "cookie";
                        };
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AuthSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Most recently used first. */
                        sessions: {
                            /** @description For `DELETE /v1/auth/sessions/{id}`. */
                            id: string;
                            /** @description The session that made this request. */
                            current: boolean;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description Recorded to the hour. */
                            lastUsedAt: number;
                            /** @description When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner. */
                            expiresAt: number;
                            /** @description The browser that signed in, as it named itself. */
                            userAgent: string | null;
                            /** @description The address it signed in from. */
                            ip: string | null;
                            /**
                             * @description How the session token travels: the `Authorization` header, or a cookie.
                             * @enum {string}
                             */
                            transport: "bearer" | "cookie";
                        }[];
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1AuthSessionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-SESSION_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthLoginTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    challenge: string;
                    /** @description The six digits the authenticator app shows. */
                    code: string;
                    /**
                     * @description `bearer`: the token in the answer; `cookie`: an HttpOnly session cookie.
                     * @default bearer
                     * @enum {string}
                     */
                    transport?: "bearer" | "cookie";
                } | {
                    challenge: string;
                    /** @description One of the recovery codes; works once. */
                    recoveryCode: string;
                    /**
                     * @description `bearer`: the token in the answer; `cookie`: an HttpOnly session cookie.
                     * @default bearer
                     * @enum {string}
                     */
                    transport?: "bearer" | "cookie";
                };
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    /** @description With `"transport": "cookie"`: the session cookie (HttpOnly, SameSite=Lax, Path=/). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The session token (`<id>.<secret>`), for `Authorization: Bearer`. Keep it secret. */
                        token: string;
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                        /** @description When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner. */
                        expiresAt: number;
                    } | {
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                        /** @description When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner. */
                        expiresAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_TOTP_CODE"];
            403: components["responses"]["403-ACCOUNT_SUSPENDED-EMAIL_NOT_VERIFIED-ORIGIN_NOT_ALLOWED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AuthTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The site lets members turn TOTP on. */
                        available: boolean;
                        enabled: boolean;
                        /** @description The site requires it of this member’s role. */
                        required: boolean;
                        recoveryCodesLeft: number;
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1AuthTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The six digits the authenticator app shows. */
                    code: string;
                } | {
                    /** @description The current password. Required when the account has one (`hasPassword`); left out when it has none, and then the session must have begun within the last 10 minutes (else 403 `REAUTHENTICATION_REQUIRED`: sign in again and repeat). */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-INVALID_TOTP_CODE-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-INVALID_PASSWORD-ORIGIN_NOT_ALLOWED-REAUTHENTICATION_REQUIRED-TOTP_REQUIRED"];
            409: components["responses"]["409-TOTP_NOT_ENABLED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthTotpSetup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    challenge?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The key in base32, for typing into an authenticator app. */
                        secret: string;
                        /** @description The `otpauth://` URI the QR code holds. */
                        uri: string;
                        /** @description The URI as an SVG QR code. */
                        qrSvg: string;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-INVALID_TOTP_CODE-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED-TOTP_UNAVAILABLE"];
            409: components["responses"]["409-TOTP_ALREADY_ENABLED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthTotpConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The six digits the authenticator app shows. */
                    code: string;
                    /** @description From a sign-in answered `totp_setup_required`: confirming starts the session. */
                    challenge?: string;
                    /**
                     * @description `bearer`: the token in the answer; `cookie`: an HttpOnly session cookie.
                     * @default bearer
                     * @enum {string}
                     */
                    transport?: "bearer" | "cookie";
                };
            };
        };
        responses: {
            /** @description The recovery codes; with a sign-in challenge, the session too. */
            200: {
                headers: {
                    /** @description With `"transport": "cookie"`: the session cookie (HttpOnly, SameSite=Lax, Path=/). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Ten codes, each good for one sign-in without the phone; shown only now. */
                        recoveryCodes: string[];
                    } | {
                        /** @description Ten codes, each good for one sign-in without the phone; shown only now. */
                        recoveryCodes: string[];
                        /** @description The session token, with `"transport": "bearer"`. */
                        token: string;
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                        /** @description Milliseconds since the Unix epoch. */
                        expiresAt: number;
                    } | {
                        /** @description Ten codes, each good for one sign-in without the phone; shown only now. */
                        recoveryCodes: string[];
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                        /** @description Milliseconds since the Unix epoch. */
                        expiresAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-INVALID_TOTP_CODE-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED-TOTP_UNAVAILABLE"];
            409: components["responses"]["409-TOTP_ALREADY_ENABLED-TOTP_SETUP_NOT_STARTED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthTotpRecoveryCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The current password. Required when the account has one (`hasPassword`); left out when it has none, and then the session must have begun within the last 10 minutes (else 403 `REAUTHENTICATION_REQUIRED`: sign in again and repeat). */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Ten codes, each good for one sign-in without the phone; shown only now. */
                        recoveryCodes: string[];
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-INVALID_PASSWORD-ORIGIN_NOT_ALLOWED-REAUTHENTICATION_REQUIRED"];
            409: components["responses"]["409-TOTP_NOT_ENABLED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthSignInLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    /** @description A random value this browser made and keeps (the SDK makes one per browser), for every link it asks for; left out, the server makes one and answers it. */
                    browserKey?: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "link_sent";
                        /** @description The key sent, or a new one: keep it in this browser and send it with the link’s token; the link signs in only here. */
                        browserKey: string;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY"];
            403: components["responses"]["403-ORIGIN_NOT_ALLOWED-SIGN_IN_METHOD_DISABLED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthSignInLinkRedeem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    /** @description The `browserKey` the request for the link was sent with or answered, kept by the browser that asked. */
                    browserKey?: string;
                    /**
                     * @description `bearer`: the token in the answer; `cookie`: an HttpOnly session cookie.
                     * @default bearer
                     * @enum {string}
                     */
                    transport?: "bearer" | "cookie";
                };
            };
        };
        responses: {
            /** @description Signed in, or the second step it needs. */
            200: {
                headers: {
                    /** @description With `"transport": "cookie"`: the session cookie (HttpOnly, SameSite=Lax, Path=/). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The session token (`<id>.<secret>`), for `Authorization: Bearer`. Keep it secret. */
                        token: string;
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                        /** @description When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner. */
                        expiresAt: number;
                    } | {
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                        /** @description When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner. */
                        expiresAt: number;
                    } | {
                        /**
                         * @description `totp_required`: send a code with the challenge to `POST /v1/auth/login/totp`. `totp_setup_required`: the site requires TOTP of this member’s role; enrol with the challenge (`POST /v1/auth/totp/setup`, then `/confirm`).
                         * @enum {string}
                         */
                        status: "totp_required" | "totp_setup_required";
                        /** @description Works for 10 minutes and at most 5 wrong codes, once. */
                        challenge: string;
                        /** @description Milliseconds since the Unix epoch. */
                        challengeExpiresAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON-INVALID_TOKEN"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY"];
            403: components["responses"]["403-ACCOUNT_SUSPENDED-EMAIL_NOT_VERIFIED-ORIGIN_NOT_ALLOWED-SIGN_IN_LINK_OTHER_BROWSER-SIGN_IN_METHOD_DISABLED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AuthMethods: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Email and password. */
                        password: boolean;
                        /** @description A single-use link sent by email. */
                        emailLink: boolean;
                        /**
                         * @description Two-factor codes: not offered, offered, or required of moderators and admins.
                         * @enum {string}
                         */
                        totp: "off" | "optional" | "required_for_staff";
                        /** @description Passkeys (WebAuthn). */
                        passkeys: boolean;
                        /** @description “Sign in with …” providers, for `POST /v1/auth/oauth/start/{id}`. */
                        providers: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "github" | "google" | "microsoft" | "apple" | "oidc";
                        }[];
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY"];
            403: components["responses"]["403-ORIGIN_NOT_ALLOWED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthPasskeysRegisterOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description base64url; valid for 5 minutes, once. */
                        challenge: string;
                        challengeExpiresAt: number;
                        rp: {
                            id: string;
                            name: string;
                        };
                        user: {
                            /** @description base64url user handle; the same for all of a member’s passkeys. */
                            id: string;
                            name: string;
                            displayName: string;
                        };
                        pubKeyCredParams: {
                            /** @constant */
                            type: "public-key";
                            alg: number;
                        }[];
                        timeout: number;
                        /** @constant */
                        attestation: "none";
                        authenticatorSelection: {
                            /** @constant */
                            residentKey: "required";
                            /** @constant */
                            requireResidentKey: true;
                            /** @constant */
                            userVerification: "preferred";
                        };
                        excludeCredentials: {
                            /** @constant */
                            type: "public-key";
                            id: string;
                            transports: string[];
                        }[];
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED-REAUTHENTICATION_REQUIRED-SIGN_IN_METHOD_DISABLED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AuthPasskeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        passkeys: {
                            id: string;
                            name: string;
                            createdAt: number;
                            lastUsedAt: number | null;
                        }[];
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthPasskeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The credential id (`PublicKeyCredential.id`). */
                    id: string;
                    clientDataJSON: string;
                    attestationObject: string;
                    /** @description From `AuthenticatorAttestationResponse.getTransports()`: hints for later sign-ins. */
                    transports?: string[];
                    /** @description The member’s label, e.g. “Work laptop”. */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        createdAt: number;
                        lastUsedAt: number | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON-PASSKEY_CHALLENGE_INVALID-PASSKEY_INVALID_RESPONSE-PASSKEY_ORIGIN_MISMATCH-PASSKEY_RP_ID_MISMATCH-PASSKEY_UNSUPPORTED_ALGORITHM"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED-SIGN_IN_METHOD_DISABLED"];
            409: components["responses"]["409-PASSKEY_ALREADY_REGISTERED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1AuthPasskeysById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-PASSKEY_NOT_FOUND"];
            409: components["responses"]["409-LAST_SIGN_IN_METHOD"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    patchV1AuthPasskeysById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The member’s label, e.g. “Work laptop”. */
                    name: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        createdAt: number;
                        lastUsedAt: number | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-PASSKEY_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthPasskeysSignInOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description base64url; valid for 5 minutes, once. */
                        challenge: string;
                        challengeExpiresAt: number;
                        rpId: string;
                        timeout: number;
                        /** @constant */
                        userVerification: "preferred";
                        /** @description Always empty: the authenticator offers the site’s passkeys itself. */
                        allowCredentials: {
                            /** @constant */
                            type: "public-key";
                            id: string;
                            transports: string[];
                        }[];
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY"];
            403: components["responses"]["403-ORIGIN_NOT_ALLOWED-SIGN_IN_METHOD_DISABLED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthPasskeysSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The credential id (`PublicKeyCredential.id`). */
                    id: string;
                    clientDataJSON: string;
                    authenticatorData: string;
                    signature: string;
                    userHandle?: string | null;
                    /**
                     * @description `bearer`: the token in the answer; `cookie`: an HttpOnly session cookie.
                     * @default bearer
                     * @enum {string}
                     */
                    transport?: "bearer" | "cookie";
                };
            };
        };
        responses: {
            /** @description Signed in, or the second step it needs. */
            200: {
                headers: {
                    /** @description With `"transport": "cookie"`: the session cookie (HttpOnly, SameSite=Lax, Path=/). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The session token (`<id>.<secret>`), for `Authorization: Bearer`. Keep it secret. */
                        token: string;
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                        /** @description When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner. */
                        expiresAt: number;
                    } | {
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                        /** @description When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner. */
                        expiresAt: number;
                    } | {
                        /**
                         * @description `totp_required`: send a code with the challenge to `POST /v1/auth/login/totp`. `totp_setup_required`: the site requires TOTP of this member’s role; enrol with the challenge (`POST /v1/auth/totp/setup`, then `/confirm`).
                         * @enum {string}
                         */
                        status: "totp_required" | "totp_setup_required";
                        /** @description Works for 10 minutes and at most 5 wrong codes, once. */
                        challenge: string;
                        /** @description Milliseconds since the Unix epoch. */
                        challengeExpiresAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON-PASSKEY_CHALLENGE_INVALID-PASSKEY_INVALID_RESPONSE-PASSKEY_ORIGIN_MISMATCH-PASSKEY_RP_ID_MISMATCH"];
            401: components["responses"]["401-INVALID_CREDENTIALS-INVALID_PUBLISHABLE_KEY-PASSKEY_COUNTER_ROLLBACK-PASSKEY_INVALID_SIGNATURE-PASSKEY_UNKNOWN_CREDENTIAL"];
            403: components["responses"]["403-ACCOUNT_SUSPENDED-EMAIL_NOT_VERIFIED-ORIGIN_NOT_ALLOWED-SIGN_IN_METHOD_DISABLED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthOauthStartByProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The page to come back to: on one of the site’s origins. */
                    returnTo: string;
                    /** @description A random value this browser made and keeps (the SDK does it) for the sign-in: the result is redeemed only with it. */
                    browserKey: string;
                    /**
                     * @description `link`: add the provider to the signed-in member’s account (needs a session).
                     * @default sign_in
                     * @enum {string}
                     */
                    purpose?: "sign_in" | "link";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The provider’s sign-in page: send the browser there. */
                        url: string;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED-REAUTHENTICATION_REQUIRED"];
            404: components["responses"]["404-OAUTH_PROVIDER_UNKNOWN"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION-OAUTH_PROVIDER_UNAVAILABLE"];
        };
    };
    getV1AuthOauthCallback: {
        parameters: {
            query?: {
                /** @description The flow, as sent to the provider. */
                state?: string;
                /** @description The authorization code. */
                code?: string;
                /** @description The provider’s refusal, e.g. `access_denied`. */
                error?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Back to the page that started, with the result in the fragment. */
            303: {
                headers: {
                    /** @description The page, with the result in its fragment. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-OAUTH_STATE_INVALID"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthOauthCallback: {
        parameters: {
            query?: {
                /** @description The flow, as sent to the provider. */
                state?: string;
                /** @description The authorization code. */
                code?: string;
                /** @description The provider’s refusal, e.g. `access_denied`. */
                error?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Back to the page that started, with the result in the fragment. */
            303: {
                headers: {
                    /** @description The page, with the result in its fragment. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-OAUTH_STATE_INVALID"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthOauthComplete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The `porchlight_oauth` value the callback put in the page’s URL fragment. */
                    grant: string;
                    /** @description The `browserKey` the start was sent with. */
                    browserKey: string;
                    /**
                     * @description `bearer`: the token in the answer; `cookie`: an HttpOnly session cookie.
                     * @default bearer
                     * @enum {string}
                     */
                    transport?: "bearer" | "cookie";
                };
            };
        };
        responses: {
            /** @description Signed in, the second step it needs, or (linking) the provider added. */
            200: {
                headers: {
                    /** @description With `"transport": "cookie"`: the session cookie (HttpOnly, SameSite=Lax, Path=/). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The session token (`<id>.<secret>`), for `Authorization: Bearer`. Keep it secret. */
                        token: string;
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                        /** @description When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner. */
                        expiresAt: number;
                    } | {
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                        /** @description When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner. */
                        expiresAt: number;
                    } | {
                        /**
                         * @description `totp_required`: send a code with the challenge to `POST /v1/auth/login/totp`. `totp_setup_required`: the site requires TOTP of this member’s role; enrol with the challenge (`POST /v1/auth/totp/setup`, then `/confirm`).
                         * @enum {string}
                         */
                        status: "totp_required" | "totp_setup_required";
                        /** @description Works for 10 minutes and at most 5 wrong codes, once. */
                        challenge: string;
                        /** @description Milliseconds since the Unix epoch. */
                        challengeExpiresAt: number;
                    } | {
                        /** @constant */
                        status: "linked";
                        provider: string;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON-OAUTH_GRANT_INVALID"];
            401: components["responses"]["401-INVALID_CREDENTIALS-INVALID_PUBLISHABLE_KEY-INVALID_SESSION"];
            403: components["responses"]["403-ACCOUNT_SUSPENDED-CROSS_SITE_REQUEST-EMAIL_NOT_VERIFIED-OAUTH_EMAIL_MISSING-OAUTH_OTHER_BROWSER-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-OAUTH_PROVIDER_UNKNOWN"];
            409: components["responses"]["409-OAUTH_ACCOUNT_NOT_VERIFIED-OAUTH_EMAIL_IN_USE-OAUTH_IDENTITY_IN_USE"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AuthIdentities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        identities: {
                            provider: string;
                            /** @description `null` once the owner removed the provider. */
                            providerName: string | null;
                            kind: ("github" | "google" | "microsoft" | "apple" | "oidc") | null;
                            /** @description The address the provider gave when linked. */
                            email: string | null;
                            createdAt: number;
                            lastUsedAt: number | null;
                        }[];
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1AuthIdentitiesByProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-IDENTITY_NOT_FOUND"];
            409: components["responses"]["409-LAST_SIGN_IN_METHOD"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthPasswordResetRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "reset_sent";
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY"];
            403: components["responses"]["403-ORIGIN_NOT_ALLOWED-SIGN_IN_METHOD_DISABLED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthPasswordResetConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "password_reset";
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON-INVALID_TOKEN"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY"];
            403: components["responses"]["403-ORIGIN_NOT_ALLOWED-SIGN_IN_METHOD_DISABLED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AuthEmailChangeConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description Normalised: trimmed and lower-cased. */
                        email: string;
                        emailVerified: boolean;
                        displayName: string;
                        username: string | null;
                        avatarUrl: string | null;
                        bio: string | null;
                        /** @enum {string} */
                        role: "member" | "moderator" | "admin";
                        /**
                         * @description The status in force now: a suspension whose time has passed reads `active`.
                         * @enum {string}
                         */
                        status: "active" | "suspended" | "banned";
                        /** @description Set only while a suspension is in force. */
                        suspendedUntil: number | null;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                        hasPassword: boolean;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON-INVALID_TOKEN"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY"];
            403: components["responses"]["403-ORIGIN_NOT_ALLOWED"];
            409: components["responses"]["409-EMAIL_TAKEN"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1Account: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description Normalised: trimmed and lower-cased. */
                        email: string;
                        emailVerified: boolean;
                        displayName: string;
                        username: string | null;
                        avatarUrl: string | null;
                        bio: string | null;
                        /** @enum {string} */
                        role: "member" | "moderator" | "admin";
                        /**
                         * @description The status in force now: a suspension whose time has passed reads `active`.
                         * @enum {string}
                         */
                        status: "active" | "suspended" | "banned";
                        /** @description Set only while a suspension is in force. */
                        suspendedUntil: number | null;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                        hasPassword: boolean;
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1Account: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The current password. Required when the account has one (`hasPassword`); left out when it has none, and then the session must have begun within the last 10 minutes (else 403 `REAUTHENTICATION_REQUIRED`: sign in again and repeat). */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-INVALID_PASSWORD-ORIGIN_NOT_ALLOWED-REAUTHENTICATION_REQUIRED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    patchV1Account: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string;
                    username?: string | null;
                    avatarUrl?: string | null;
                    bio?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description Normalised: trimmed and lower-cased. */
                        email: string;
                        emailVerified: boolean;
                        displayName: string;
                        username: string | null;
                        avatarUrl: string | null;
                        bio: string | null;
                        /** @enum {string} */
                        role: "member" | "moderator" | "admin";
                        /**
                         * @description The status in force now: a suspension whose time has passed reads `active`.
                         * @enum {string}
                         */
                        status: "active" | "suspended" | "banned";
                        /** @description Set only while a suspension is in force. */
                        suspendedUntil: number | null;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                        hasPassword: boolean;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AccountPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                    /**
                     * @description End every other session of the member; this one stays.
                     * @default true
                     */
                    signOutOtherSessions?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "password_changed";
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-INVALID_PASSWORD-ORIGIN_NOT_ALLOWED-PASSWORD_NOT_SET"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AccountEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The current password. Required when the account has one (`hasPassword`); left out when it has none, and then the session must have begun within the last 10 minutes (else 403 `REAUTHENTICATION_REQUIRED`: sign in again and repeat). */
                    password?: string;
                    newEmail: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "confirmation_sent";
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-INVALID_PASSWORD-ORIGIN_NOT_ALLOWED-REAUTHENTICATION_REQUIRED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AccountExport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member’s data. */
            200: {
                headers: {
                    /** @description `attachment; filename="porchlight-account-<member id>.json"` */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Milliseconds since the Unix epoch. */
                        exportedAt: number;
                        site: {
                            id: string;
                            name: string;
                        };
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                        sessions: {
                            /** @description For `DELETE /v1/auth/sessions/{id}`. */
                            id: string;
                            /** @description The session that made this request. */
                            current: boolean;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description Recorded to the hour. */
                            lastUsedAt: number;
                            /** @description When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner. */
                            expiresAt: number;
                            /** @description The browser that signed in, as it named itself. */
                            userAgent: string | null;
                            /** @description The address it signed in from. */
                            ip: string | null;
                            /**
                             * @description How the session token travels: the `Authorization` header, or a cookie.
                             * @enum {string}
                             */
                            transport: "bearer" | "cookie";
                        }[];
                        submissions: {
                            id: string;
                            formId: string;
                            /** @description The fields as sent. */
                            data: {
                                [key: string]: string | string[];
                            };
                            email: string | null;
                            ip: string | null;
                            userAgent: string | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                        }[];
                        posts: {
                            id: string;
                            threadId: string;
                            threadTitle: string;
                            number: number;
                            /** @description The markdown as written. */
                            body: string;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            editedAt: number | null;
                            deletedAt: number | null;
                        }[];
                        passkeys: {
                            name: string;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            lastUsedAt: number | null;
                        }[];
                        identities: {
                            providerId: string;
                            email: string | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                        }[];
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1ForumCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            slug: string;
                            name: string;
                            description: string;
                            position: number;
                            /** @enum {string} */
                            readAccess: "everyone" | "members";
                            /** @enum {string} */
                            threadAccess: "members" | "moderators";
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description Milliseconds since the Unix epoch. */
                            updatedAt: number;
                        }[];
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    slug: string;
                    name: string;
                    /** @default  */
                    description?: string;
                    /** @default 0 */
                    position?: number;
                    /**
                     * @default everyone
                     * @enum {string}
                     */
                    readAccess?: "everyone" | "members";
                    /**
                     * @default members
                     * @enum {string}
                     */
                    threadAccess?: "members" | "moderators";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        description: string;
                        position: number;
                        /** @enum {string} */
                        readAccess: "everyone" | "members";
                        /** @enum {string} */
                        threadAccess: "members" | "moderators";
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        updatedAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            409: components["responses"]["409-CATEGORY_EXISTS"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1ForumCategoriesBySlugThreads: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            categoryId: string;
                            title: string;
                            author: {
                                id: string;
                                displayName: string;
                                username: string | null;
                                avatarUrl: string | null;
                            } | null;
                            pinned: boolean;
                            locked: boolean;
                            hidden: boolean;
                            slowModeSeconds: number;
                            postCount: number;
                            /** @description Milliseconds since the Unix epoch. */
                            lastActivityAt: number;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                        }[];
                        /** @description Pass as `cursor` for the next page; `null` at the end. */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_CURSOR"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-CATEGORY_NOT_FOUND"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1ForumThreadsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        categoryId: string;
                        title: string;
                        author: {
                            id: string;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                        } | null;
                        pinned: boolean;
                        locked: boolean;
                        hidden: boolean;
                        slowModeSeconds: number;
                        postCount: number;
                        /** @description Milliseconds since the Unix epoch. */
                        lastActivityAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        category: {
                            id: string;
                            slug: string;
                            name: string;
                            description: string;
                            position: number;
                            /** @enum {string} */
                            readAccess: "everyone" | "members";
                            /** @enum {string} */
                            threadAccess: "members" | "moderators";
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description Milliseconds since the Unix epoch. */
                            updatedAt: number;
                        };
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-THREAD_NOT_FOUND"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1ForumThreadsByIdPosts: {
        parameters: {
            query?: {
                after?: string;
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description The `ETag` of an earlier answer: 304 while the page is unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of posts. */
            200: {
                headers: {
                    /** @description A weak validator of this page for this reader. */
                    ETag?: string;
                    /** @description `private, no-cache`: revalidate with the ETag. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            threadId: string;
                            /** @description Position in the thread; 1 is the opening post. */
                            number: number;
                            author: {
                                id: string;
                                displayName: string;
                                username: string | null;
                                avatarUrl: string | null;
                            } | null;
                            replyToId: string | null;
                            quoteOfId: string | null;
                            /** @description The rendered post; `<p>[deleted]</p>` or `<p>[hidden by a moderator]</p>` in its place. */
                            html: string;
                            /** @description The markdown as written: only for its author and moderators, for editing. */
                            source?: string;
                            hidden: boolean;
                            /** @description For moderators, on hidden posts. */
                            hiddenReason?: string | null;
                            deleted: boolean;
                            edited: boolean;
                            editedAt: number | null;
                            likeCount: number;
                            /** @description Whether the signed-in reader liked it; absent for guests. */
                            liked?: boolean;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                        }[];
                        /** @description Always present, even on the last page: polling with it picks up new posts. */
                        nextCursor: string;
                        hasMore: boolean;
                    };
                };
            };
            /** @description Not modified since the ETag sent in If-None-Match. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-INVALID_CURSOR"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-THREAD_NOT_FOUND"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumThreadsByIdPosts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    replyTo?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        number: number;
                        post: {
                            id: string;
                            threadId: string;
                            /** @description Position in the thread; 1 is the opening post. */
                            number: number;
                            author: {
                                id: string;
                                displayName: string;
                                username: string | null;
                                avatarUrl: string | null;
                            } | null;
                            replyToId: string | null;
                            quoteOfId: string | null;
                            /** @description The rendered post; `<p>[deleted]</p>` or `<p>[hidden by a moderator]</p>` in its place. */
                            html: string;
                            /** @description The markdown as written: only for its author and moderators, for editing. */
                            source?: string;
                            hidden: boolean;
                            /** @description For moderators, on hidden posts. */
                            hiddenReason?: string | null;
                            deleted: boolean;
                            edited: boolean;
                            editedAt: number | null;
                            likeCount: number;
                            /** @description Whether the signed-in reader liked it; absent for guests. */
                            liked?: boolean;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                        };
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-ACCOUNT_SUSPENDED-CROSS_SITE_REQUEST-EMAIL_NOT_VERIFIED-FORBIDDEN-ORIGIN_NOT_ALLOWED-THREAD_LOCKED"];
            404: components["responses"]["404-THREAD_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-NEW_MEMBER_LIMIT-SLOW_MODE"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumThreads: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category: string;
                    title: string;
                    body: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The new thread. */
                        id: string;
                        /** @description Its opening post. */
                        postId: string;
                        post: {
                            id: string;
                            threadId: string;
                            /** @description Position in the thread; 1 is the opening post. */
                            number: number;
                            author: {
                                id: string;
                                displayName: string;
                                username: string | null;
                                avatarUrl: string | null;
                            } | null;
                            replyToId: string | null;
                            quoteOfId: string | null;
                            /** @description The rendered post; `<p>[deleted]</p>` or `<p>[hidden by a moderator]</p>` in its place. */
                            html: string;
                            /** @description The markdown as written: only for its author and moderators, for editing. */
                            source?: string;
                            hidden: boolean;
                            /** @description For moderators, on hidden posts. */
                            hiddenReason?: string | null;
                            deleted: boolean;
                            edited: boolean;
                            editedAt: number | null;
                            likeCount: number;
                            /** @description Whether the signed-in reader liked it; absent for guests. */
                            liked?: boolean;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                        };
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-ACCOUNT_SUSPENDED-CROSS_SITE_REQUEST-EMAIL_NOT_VERIFIED-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-CATEGORY_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-NEW_MEMBER_LIMIT"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        html: string;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-ACCOUNT_SUSPENDED-CROSS_SITE_REQUEST-EMAIL_NOT_VERIFIED-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1ForumPostsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-POST_NOT_FOUND"];
            409: components["responses"]["409-POST_DELETED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    patchV1ForumPostsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        threadId: string;
                        /** @description Position in the thread; 1 is the opening post. */
                        number: number;
                        author: {
                            id: string;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                        } | null;
                        replyToId: string | null;
                        quoteOfId: string | null;
                        /** @description The rendered post; `<p>[deleted]</p>` or `<p>[hidden by a moderator]</p>` in its place. */
                        html: string;
                        /** @description The markdown as written: only for its author and moderators, for editing. */
                        source?: string;
                        hidden: boolean;
                        /** @description For moderators, on hidden posts. */
                        hiddenReason?: string | null;
                        deleted: boolean;
                        edited: boolean;
                        editedAt: number | null;
                        likeCount: number;
                        /** @description Whether the signed-in reader liked it; absent for guests. */
                        liked?: boolean;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-ACCOUNT_SUSPENDED-CROSS_SITE_REQUEST-EDIT_WINDOW_CLOSED-EMAIL_NOT_VERIFIED-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-POST_NOT_FOUND"];
            409: components["responses"]["409-POST_DELETED-POST_HIDDEN"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    putV1ForumPostsByIdLike: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        likeCount: number;
                        liked: boolean;
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-ACCOUNT_SUSPENDED-CROSS_SITE_REQUEST-EMAIL_NOT_VERIFIED-FORBIDDEN-ORIGIN_NOT_ALLOWED-OWN_POST"];
            404: components["responses"]["404-POST_NOT_FOUND"];
            409: components["responses"]["409-POST_DELETED-POST_HIDDEN"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1ForumPostsByIdLike: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        likeCount: number;
                        liked: boolean;
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-ACCOUNT_SUSPENDED-CROSS_SITE_REQUEST-EMAIL_NOT_VERIFIED-FORBIDDEN-ORIGIN_NOT_ALLOWED-OWN_POST"];
            404: components["responses"]["404-POST_NOT_FOUND"];
            409: components["responses"]["409-POST_DELETED-POST_HIDDEN"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumPostsByIdFlags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    reason: "spam" | "abuse" | "off_topic" | "other";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        postId: string;
                        /** @enum {string} */
                        reason: "spam" | "abuse" | "off_topic" | "other";
                        note: string | null;
                        /** @constant */
                        status: "open";
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-ACCOUNT_SUSPENDED-CROSS_SITE_REQUEST-EMAIL_NOT_VERIFIED-FORBIDDEN-ORIGIN_NOT_ALLOWED-OWN_POST"];
            404: components["responses"]["404-POST_NOT_FOUND"];
            409: components["responses"]["409-ALREADY_FLAGGED-POST_DELETED-POST_HIDDEN"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1ForumModerationFlags: {
        parameters: {
            query?: {
                status?: "open" | "dismissed" | "actioned";
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            post: {
                                id: string;
                                threadId: string;
                                /** @description Position in the thread; 1 is the opening post. */
                                number: number;
                                author: {
                                    id: string;
                                    displayName: string;
                                    username: string | null;
                                    avatarUrl: string | null;
                                } | null;
                                replyToId: string | null;
                                quoteOfId: string | null;
                                /** @description The rendered post; `<p>[deleted]</p>` or `<p>[hidden by a moderator]</p>` in its place. */
                                html: string;
                                /** @description The markdown as written: only for its author and moderators, for editing. */
                                source?: string;
                                hidden: boolean;
                                /** @description For moderators, on hidden posts. */
                                hiddenReason?: string | null;
                                deleted: boolean;
                                edited: boolean;
                                editedAt: number | null;
                                likeCount: number;
                                /** @description Whether the signed-in reader liked it; absent for guests. */
                                liked?: boolean;
                                /** @description Milliseconds since the Unix epoch. */
                                createdAt: number;
                            };
                            thread: {
                                id: string;
                                title: string;
                            };
                            flagCount: number;
                            /** @description How many flags give each reason. */
                            reasons: {
                                [key: string]: number;
                            };
                            flags: {
                                id: string;
                                reason: string;
                                note: string | null;
                                member: {
                                    id: string;
                                    displayName: string;
                                    username: string | null;
                                } | null;
                                /** @enum {string} */
                                status: "open" | "dismissed" | "actioned";
                                resolvedBy: string | null;
                                resolvedAt: number | null;
                                /** @description Milliseconds since the Unix epoch. */
                                createdAt: number;
                            }[];
                            /** @description Milliseconds since the Unix epoch. */
                            firstFlaggedAt: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_CURSOR"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumModerationFlagsByPostIdResolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                postId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "dismiss" | "hide" | "delete" | "suspend_author";
                    reason?: string;
                    suspendDays?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        postId: string;
                        /** @enum {string} */
                        action: "dismiss" | "hide" | "delete" | "suspend_author";
                        flagsResolved: number;
                        post: {
                            id: string;
                            threadId: string;
                            /** @description Position in the thread; 1 is the opening post. */
                            number: number;
                            author: {
                                id: string;
                                displayName: string;
                                username: string | null;
                                avatarUrl: string | null;
                            } | null;
                            replyToId: string | null;
                            quoteOfId: string | null;
                            /** @description The rendered post; `<p>[deleted]</p>` or `<p>[hidden by a moderator]</p>` in its place. */
                            html: string;
                            /** @description The markdown as written: only for its author and moderators, for editing. */
                            source?: string;
                            hidden: boolean;
                            /** @description For moderators, on hidden posts. */
                            hiddenReason?: string | null;
                            deleted: boolean;
                            edited: boolean;
                            editedAt: number | null;
                            likeCount: number;
                            /** @description Whether the signed-in reader liked it; absent for guests. */
                            liked?: boolean;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                        };
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED-OWN_ACCOUNT"];
            404: components["responses"]["404-MEMBER_NOT_FOUND-POST_NOT_FOUND"];
            409: components["responses"]["409-MEMBER_BANNED-NO_OPEN_FLAGS"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumModerationPostsByIdHide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        threadId: string;
                        /** @description Position in the thread; 1 is the opening post. */
                        number: number;
                        author: {
                            id: string;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                        } | null;
                        replyToId: string | null;
                        quoteOfId: string | null;
                        /** @description The rendered post; `<p>[deleted]</p>` or `<p>[hidden by a moderator]</p>` in its place. */
                        html: string;
                        /** @description The markdown as written: only for its author and moderators, for editing. */
                        source?: string;
                        hidden: boolean;
                        /** @description For moderators, on hidden posts. */
                        hiddenReason?: string | null;
                        deleted: boolean;
                        edited: boolean;
                        editedAt: number | null;
                        likeCount: number;
                        /** @description Whether the signed-in reader liked it; absent for guests. */
                        liked?: boolean;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-POST_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumModerationPostsByIdUnhide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        threadId: string;
                        /** @description Position in the thread; 1 is the opening post. */
                        number: number;
                        author: {
                            id: string;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                        } | null;
                        replyToId: string | null;
                        quoteOfId: string | null;
                        /** @description The rendered post; `<p>[deleted]</p>` or `<p>[hidden by a moderator]</p>` in its place. */
                        html: string;
                        /** @description The markdown as written: only for its author and moderators, for editing. */
                        source?: string;
                        hidden: boolean;
                        /** @description For moderators, on hidden posts. */
                        hiddenReason?: string | null;
                        deleted: boolean;
                        edited: boolean;
                        editedAt: number | null;
                        likeCount: number;
                        /** @description Whether the signed-in reader liked it; absent for guests. */
                        liked?: boolean;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-POST_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumModerationThreadsByIdMove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        categoryId: string;
                        title: string;
                        author: {
                            id: string;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                        } | null;
                        pinned: boolean;
                        locked: boolean;
                        hidden: boolean;
                        slowModeSeconds: number;
                        postCount: number;
                        /** @description Milliseconds since the Unix epoch. */
                        lastActivityAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-CATEGORY_NOT_FOUND-THREAD_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumModerationThreadsByIdSlowMode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    seconds: number;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        categoryId: string;
                        title: string;
                        author: {
                            id: string;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                        } | null;
                        pinned: boolean;
                        locked: boolean;
                        hidden: boolean;
                        slowModeSeconds: number;
                        postCount: number;
                        /** @description Milliseconds since the Unix epoch. */
                        lastActivityAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-THREAD_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1ForumModerationThreadsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-THREAD_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumModerationMembersByIdSuspend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    days?: number;
                    until?: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @constant */
                        status: "suspended";
                        /** @description Milliseconds since the Unix epoch. */
                        suspendedUntil: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED-OWN_ACCOUNT"];
            404: components["responses"]["404-MEMBER_NOT_FOUND"];
            409: components["responses"]["409-MEMBER_BANNED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1ForumModerationLog: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /**
                             * @description `owner`: with a secret key; `operator`: an operator of the console; `system`: the flag threshold.
                             * @enum {string}
                             */
                            by: "member" | "owner" | "operator" | "system";
                            /** @description The member who acted, while they exist. */
                            actor: {
                                id: string;
                                displayName: string;
                                username: string | null;
                            } | null;
                            /** @description The operator who acted, by the name they had then. */
                            operator: {
                                name: string;
                            } | null;
                            /** @enum {string} */
                            action: "post.edit" | "post.hide" | "post.unhide" | "post.delete" | "flags.dismiss" | "thread.hide" | "thread.unhide" | "thread.lock" | "thread.unlock" | "thread.pin" | "thread.unpin" | "thread.move" | "thread.slow_mode" | "thread.delete" | "member.suspend" | "member.ban" | "member.unban" | "member.role" | "category.create" | "category.update" | "category.delete";
                            /** @enum {string} */
                            targetType: "post" | "thread" | "member" | "category" | "flag";
                            targetId: string;
                            reason: string | null;
                            details: {
                                [key: string]: unknown;
                            };
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_CURSOR"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1ForumCategoriesBySlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-CATEGORY_NOT_FOUND"];
            409: components["responses"]["409-CATEGORY_NOT_EMPTY"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    patchV1ForumCategoriesBySlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    slug?: string;
                    name?: string;
                    description?: string;
                    position?: number;
                    /** @enum {string} */
                    readAccess?: "everyone" | "members";
                    /** @enum {string} */
                    threadAccess?: "members" | "moderators";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        description: string;
                        position: number;
                        /** @enum {string} */
                        readAccess: "everyone" | "members";
                        /** @enum {string} */
                        threadAccess: "members" | "moderators";
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        updatedAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-CATEGORY_NOT_FOUND"];
            409: components["responses"]["409-CATEGORY_EXISTS"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    putV1ForumMembersByIdRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "member" | "moderator" | "admin";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        role: "member" | "moderator" | "admin";
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED-OWN_ACCOUNT"];
            404: components["responses"]["404-MEMBER_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumModerationThreadsByIdHide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        categoryId: string;
                        title: string;
                        author: {
                            id: string;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                        } | null;
                        pinned: boolean;
                        locked: boolean;
                        hidden: boolean;
                        slowModeSeconds: number;
                        postCount: number;
                        /** @description Milliseconds since the Unix epoch. */
                        lastActivityAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-THREAD_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumModerationThreadsByIdUnhide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        categoryId: string;
                        title: string;
                        author: {
                            id: string;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                        } | null;
                        pinned: boolean;
                        locked: boolean;
                        hidden: boolean;
                        slowModeSeconds: number;
                        postCount: number;
                        /** @description Milliseconds since the Unix epoch. */
                        lastActivityAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-THREAD_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumModerationThreadsByIdLock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        categoryId: string;
                        title: string;
                        author: {
                            id: string;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                        } | null;
                        pinned: boolean;
                        locked: boolean;
                        hidden: boolean;
                        slowModeSeconds: number;
                        postCount: number;
                        /** @description Milliseconds since the Unix epoch. */
                        lastActivityAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-THREAD_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumModerationThreadsByIdUnlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        categoryId: string;
                        title: string;
                        author: {
                            id: string;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                        } | null;
                        pinned: boolean;
                        locked: boolean;
                        hidden: boolean;
                        slowModeSeconds: number;
                        postCount: number;
                        /** @description Milliseconds since the Unix epoch. */
                        lastActivityAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-THREAD_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumModerationThreadsByIdPin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        categoryId: string;
                        title: string;
                        author: {
                            id: string;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                        } | null;
                        pinned: boolean;
                        locked: boolean;
                        hidden: boolean;
                        slowModeSeconds: number;
                        postCount: number;
                        /** @description Milliseconds since the Unix epoch. */
                        lastActivityAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-THREAD_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1ForumModerationThreadsByIdUnpin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        categoryId: string;
                        title: string;
                        author: {
                            id: string;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                        } | null;
                        pinned: boolean;
                        locked: boolean;
                        hidden: boolean;
                        slowModeSeconds: number;
                        postCount: number;
                        /** @description Milliseconds since the Unix epoch. */
                        lastActivityAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-FORBIDDEN-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-THREAD_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1NotificationsUnsubscribe: {
        parameters: {
            query: {
                /** @description The token of the email’s unsubscribe link. */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page, with a button that confirms. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["400-INVALID_TOKEN"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1NotificationsUnsubscribe: {
        parameters: {
            query: {
                /** @description The token of the email’s unsubscribe link. */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page saying what was turned off. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["400-INVALID_TOKEN"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1Notifications: {
        parameters: {
            query?: {
                cursor?: string;
                unread?: "true" | "false";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            kind: "reply" | "mention" | "quote" | "like" | "moderation";
                            threadId: string | null;
                            threadTitle: string | null;
                            postId: string | null;
                            postNumber: number | null;
                            actor: {
                                id: string;
                                displayName: string;
                                username: string | null;
                            } | null;
                            /** @description By kind: `like` {count, since}; `moderation` {action, reason, …}; a direct `reply` {direct: true}. */
                            data: {
                                [key: string]: unknown;
                            } | null;
                            read: boolean;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_CURSOR"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1NotificationsUnreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Counted up to 999: a badge shows "999+" beyond. */
                        count: number;
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1NotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ids?: string[];
                };
            };
        };
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1NotificationsPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: {
                            replies: boolean;
                            mentions: boolean;
                            quotes: boolean;
                        };
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    patchV1NotificationsPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email?: {
                        replies?: boolean;
                        mentions?: boolean;
                        quotes?: boolean;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: {
                            replies: boolean;
                            mentions: boolean;
                            quotes: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1ForumThreadsByIdWatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        threadId: string;
                        /** @enum {string} */
                        level: "watching" | "normal" | "muted";
                    };
                };
            };
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-THREAD_NOT_FOUND"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    putV1ForumThreadsByIdWatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    level: "watching" | "normal" | "muted";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        threadId: string;
                        /** @enum {string} */
                        level: "watching" | "normal" | "muted";
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            404: components["responses"]["404-THREAD_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1ForumSearch: {
        parameters: {
            query: {
                q: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            threadId: string;
                            threadTitle: string;
                            postId: string;
                            postNumber: number;
                            category: {
                                slug: string;
                                name: string;
                            };
                            author: {
                                id: string;
                                displayName: string;
                                username: string | null;
                                avatarUrl: string | null;
                            } | null;
                            /** @description Escaped text around the match; the only tags are `<mark>`. */
                            snippet: string;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_CURSOR"];
            401: components["responses"]["401-INVALID_PUBLISHABLE_KEY-INVALID_SESSION"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ORIGIN_NOT_ALLOWED"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1OperatorSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Signed in: the session cookie is set.
                         * @constant
                         */
                        status: "signed_in";
                        operator: {
                            id: string;
                            email: string;
                            name: string;
                            /** @description A deployment admin: may create sites and see backups. */
                            admin: boolean;
                            totpEnabled: boolean;
                            /** @description Two-factor sign-in is required for this operator (OPERATOR_TOTP). */
                            totpRequired: boolean;
                        };
                    } | {
                        /**
                         * @description Signed in with a restricted session that may only set up TOTP and sign out.
                         * @constant
                         */
                        status: "totp_setup_required";
                        operator: {
                            id: string;
                            email: string;
                            name: string;
                            /** @description A deployment admin: may create sites and see backups. */
                            admin: boolean;
                            totpEnabled: boolean;
                            /** @description Two-factor sign-in is required for this operator (OPERATOR_TOTP). */
                            totpRequired: boolean;
                        };
                    } | {
                        /**
                         * @description Send a TOTP code with this challenge.
                         * @constant
                         */
                        status: "totp_required";
                        /** @description For `POST /v1/operator/sign-in/totp`; works for 5 minutes, once. */
                        challenge: string;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_CREDENTIALS"];
            403: components["responses"]["403-CROSS_SITE_REQUEST"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1OperatorSignInTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    challenge: string;
                    /** @description The six digits the authenticator app shows. */
                    code: string;
                } | {
                    challenge: string;
                    /** @description One of the recovery codes; works once. */
                    recoveryCode: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "signed_in" | "totp_setup_required";
                        operator: {
                            id: string;
                            email: string;
                            name: string;
                            /** @description A deployment admin: may create sites and see backups. */
                            admin: boolean;
                            totpEnabled: boolean;
                            /** @description Two-factor sign-in is required for this operator (OPERATOR_TOTP). */
                            totpRequired: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_TOTP_CODE"];
            403: components["responses"]["403-CROSS_SITE_REQUEST"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1OperatorSignOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["403-CROSS_SITE_REQUEST"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1OperatorSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operator: {
                            id: string;
                            email: string;
                            name: string;
                            /** @description A deployment admin: may create sites and see backups. */
                            admin: boolean;
                            totpEnabled: boolean;
                            /** @description Two-factor sign-in is required for this operator (OPERATOR_TOTP). */
                            totpRequired: boolean;
                        };
                        /** @description The sites this operator has a role on (none while TOTP setup is required). */
                        sites: {
                            id: string;
                            name: string;
                            /**
                             * @description `viewer` reads; `moderator` also the inbox and moderation; `editor` also forms, members and settings; `owner` everything.
                             * @enum {string}
                             */
                            role: "viewer" | "moderator" | "editor" | "owner";
                        }[];
                    };
                };
            };
            401: components["responses"]["401-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1OperatorTotpSetup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The key in base32, for typing into an authenticator app. */
                        secret: string;
                        /** @description The `otpauth://` URI the QR code holds. */
                        uri: string;
                        /** @description The URI as an SVG QR code. */
                        qrSvg: string;
                    };
                };
            };
            401: components["responses"]["401-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1OperatorTotpConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Ten codes, each good for one sign-in without the phone; shown only now. */
                        recoveryCodes: string[];
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST"];
            409: components["responses"]["409-TOTP_SETUP_NOT_STARTED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1OperatorRecoveryCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Ten codes, each good for one sign-in without the phone; shown only now. */
                        recoveryCodes: string[];
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-INVALID_PASSWORD-TOTP_SETUP_REQUIRED"];
            409: components["responses"]["409-TOTP_NOT_ENABLED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1OperatorTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-INVALID_PASSWORD-TOTP_REQUIRED-TOTP_SETUP_REQUIRED"];
            409: components["responses"]["409-TOTP_NOT_ENABLED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1OperatorInvitesByToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: string;
                        siteName: string;
                        /**
                         * @description `viewer` reads; `moderator` also the inbox and moderation; `editor` also forms, members and settings; `owner` everything.
                         * @enum {string}
                         */
                        role: "viewer" | "moderator" | "editor" | "owner";
                        /** @description The inviting operator’s name, or the secret key’s hint. */
                        invitedBy: string;
                    };
                };
            };
            403: components["responses"]["403-CROSS_SITE_REQUEST"];
            404: components["responses"]["404-INVITE_NOT_FOUND"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1OperatorInvitesAccept: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    /** @description For a new account: how others see you. */
                    name?: string;
                    /** @description For a new account: at least 12 characters. */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "signed_in" | "totp_setup_required";
                        operator: {
                            id: string;
                            email: string;
                            name: string;
                            /** @description A deployment admin: may create sites and see backups. */
                            admin: boolean;
                            totpEnabled: boolean;
                            /** @description Two-factor sign-in is required for this operator (OPERATOR_TOTP). */
                            totpRequired: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-INVITE_FOR_ANOTHER_EMAIL"];
            404: components["responses"]["404-INVITE_NOT_FOUND"];
            409: components["responses"]["409-SIGN_IN_TO_ACCEPT"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1OperatorSites: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    origins?: string[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        publishableKey: string;
                        /** @description The whole secret key, this once: only its hash is stored. */
                        secretKey: string;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1OperatorBackups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        enabled: true;
                        /** @description How often a backup is made (BACKUP_INTERVAL). */
                        intervalMs: number;
                        /** @description How many of the newest are kept (BACKUP_KEEP). */
                        keep: number;
                        /** @description Newest first. */
                        items: {
                            /** @description The file’s name in BACKUP_DIR. */
                            name: string;
                            bytes: number;
                            /** @description When it was made, ms since the epoch. */
                            createdAt: number;
                        }[];
                    } | {
                        /** @constant */
                        enabled: false;
                    };
                };
            };
            401: components["responses"]["401-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminSite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The site’s id. */
                        id: string;
                        name: string;
                        /** @description `pk_…`: public, for the site’s pages. */
                        publishableKey: string;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description The origins the publishable key works from. */
                        origins: string[];
                        secretKeys: {
                            id: string;
                            label: string;
                            /** @description How the key begins (`sk_<id>_…`): enough to recognise it, never the secret. */
                            hint: string;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            lastUsedAt: number | null;
                        }[];
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-NOT_FOUND"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    patchV1AdminSite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminOrigins: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    origin: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Normalised: `HTTPS://Example.com/` is stored as `https://example.com`. */
                        origin: string;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            409: components["responses"]["409-ORIGIN_EXISTS"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1AdminOriginsByOrigin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                origin: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-ORIGIN_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default API key */
                    label?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        label: string;
                        /** @description The secret key (`sk_<id>_<secret>`), shown only in this answer: only its hash is kept. */
                        key: string;
                        /** @description How the key begins (`sk_<id>_…`): enough to recognise it, never the secret. */
                        hint: string;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1AdminKeysById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-KEY_NOT_FOUND"];
            409: components["responses"]["409-LAST_SECRET_KEY"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminPublishableKeyRotate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        publishableKey: string;
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminOutbox: {
        parameters: {
            query?: {
                status?: "pending" | "sending" | "delivered" | "dead";
                /** @description `nextCursor` of the page before. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @description What is delivered: `email`, `webhook`, `forum.digest`. */
                            kind: string;
                            /**
                             * @description `dead`: every attempt failed; retry it once the cause is fixed.
                             * @enum {string}
                             */
                            status: "pending" | "sending" | "delivered" | "dead";
                            attempts: number;
                            maxAttempts: number;
                            /** @description When the next attempt is due. */
                            runAt: number;
                            /** @description Why the last attempt failed, if it did. */
                            lastError: string | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            deliveredAt: number | null;
                        }[];
                        /** @description Pass as `cursor` for the next page; `null` at the end. */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_CURSOR"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminOutboxById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description What is delivered: `email`, `webhook`, `forum.digest`. */
                        kind: string;
                        /**
                         * @description `dead`: every attempt failed; retry it once the cause is fixed.
                         * @enum {string}
                         */
                        status: "pending" | "sending" | "delivered" | "dead";
                        attempts: number;
                        maxAttempts: number;
                        /** @description When the next attempt is due. */
                        runAt: number;
                        /** @description Why the last attempt failed, if it did. */
                        lastError: string | null;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        deliveredAt: number | null;
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-JOB_NOT_FOUND"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminOutboxByIdRetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description What is delivered: `email`, `webhook`, `forum.digest`. */
                        kind: string;
                        /**
                         * @description `dead`: every attempt failed; retry it once the cause is fixed.
                         * @enum {string}
                         */
                        status: "pending" | "sending" | "delivered" | "dead";
                        attempts: number;
                        maxAttempts: number;
                        /** @description When the next attempt is due. */
                        runAt: number;
                        /** @description Why the last attempt failed, if it did. */
                        lastError: string | null;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        deliveredAt: number | null;
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-JOB_NOT_FOUND"];
            409: components["responses"]["409-JOB_NOT_DEAD"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminForms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            enabled: boolean;
                            settings: {
                                fields: {
                                    [key: string]: {
                                        required: boolean;
                                        /** @enum {string} */
                                        type: "text" | "email";
                                        maxLength?: number;
                                        label?: string;
                                    };
                                };
                                strict: boolean;
                                maxFields: number;
                                maxFieldLength: number;
                                notify: string[];
                                subject: string;
                                autoresponse: {
                                    enabled: boolean;
                                    subject: string;
                                    text: string;
                                };
                                redirectUrl?: string;
                                rateLimits: {
                                    perAddressPerHour: number;
                                    perFormPerHour: number;
                                };
                                spam: {
                                    honeypotField: string;
                                    minSeconds: number;
                                    requireTimeToken: boolean;
                                    /** @enum {string} */
                                    proofOfWork: "scripted" | "always" | "off";
                                    maxLinks: number;
                                    blockedWords: string[];
                                    blockedEmails: string[];
                                    blockedIps: string[];
                                    duplicateWindowMinutes: number;
                                    turnstileSecret?: string;
                                };
                                webhookUrl?: string;
                                /** @description Days submissions are kept; unset or null: until the owner deletes them. */
                                retentionDays?: number | null;
                            };
                            /** @description Signs the form’s webhook deliveries (Standard Webhooks, `whsec_…`); `null` for console operators below editor. */
                            webhookSecret: string | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description Milliseconds since the Unix epoch. */
                            updatedAt: number;
                        }[];
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminForms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id: string;
                    name: string;
                    /** @default true */
                    enabled?: boolean;
                    /**
                     * @default {
                     *       "fields": {},
                     *       "strict": false,
                     *       "maxFields": 30,
                     *       "maxFieldLength": 5000,
                     *       "notify": [],
                     *       "subject": "New submission: {{form}} on {{site}}",
                     *       "autoresponse": {
                     *         "enabled": false,
                     *         "subject": "We received your message",
                     *         "text": "Thank you for getting in touch. We will reply as soon as we can."
                     *       },
                     *       "rateLimits": {
                     *         "perAddressPerHour": 20,
                     *         "perFormPerHour": 1000
                     *       },
                     *       "spam": {
                     *         "honeypotField": "_gotcha",
                     *         "minSeconds": 3,
                     *         "requireTimeToken": false,
                     *         "proofOfWork": "scripted",
                     *         "maxLinks": 3,
                     *         "blockedWords": [],
                     *         "blockedEmails": [],
                     *         "blockedIps": [],
                     *         "duplicateWindowMinutes": 60
                     *       }
                     *     }
                     */
                    settings?: {
                        /** @default {} */
                        fields?: {
                            [key: string]: {
                                /** @default false */
                                required?: boolean;
                                /**
                                 * @default text
                                 * @enum {string}
                                 */
                                type?: "text" | "email";
                                maxLength?: number;
                                label?: string;
                            };
                        };
                        /** @default false */
                        strict?: boolean;
                        /** @default 30 */
                        maxFields?: number;
                        /** @default 5000 */
                        maxFieldLength?: number;
                        /** @default [] */
                        notify?: string[];
                        /** @default New submission: {{form}} on {{site}} */
                        subject?: string;
                        /**
                         * @default {
                         *       "enabled": false,
                         *       "subject": "We received your message",
                         *       "text": "Thank you for getting in touch. We will reply as soon as we can."
                         *     }
                         */
                        autoresponse?: {
                            /** @default false */
                            enabled?: boolean;
                            /** @default We received your message */
                            subject?: string;
                            /** @default Thank you for getting in touch. We will reply as soon as we can. */
                            text?: string;
                        };
                        redirectUrl?: string;
                        /**
                         * @default {
                         *       "perAddressPerHour": 20,
                         *       "perFormPerHour": 1000
                         *     }
                         */
                        rateLimits?: {
                            /** @default 20 */
                            perAddressPerHour?: number;
                            /** @default 1000 */
                            perFormPerHour?: number;
                        };
                        /**
                         * @default {
                         *       "honeypotField": "_gotcha",
                         *       "minSeconds": 3,
                         *       "requireTimeToken": false,
                         *       "proofOfWork": "scripted",
                         *       "maxLinks": 3,
                         *       "blockedWords": [],
                         *       "blockedEmails": [],
                         *       "blockedIps": [],
                         *       "duplicateWindowMinutes": 60
                         *     }
                         */
                        spam?: {
                            /** @default _gotcha */
                            honeypotField?: string;
                            /** @default 3 */
                            minSeconds?: number;
                            /** @default false */
                            requireTimeToken?: boolean;
                            /**
                             * @default scripted
                             * @enum {string}
                             */
                            proofOfWork?: "scripted" | "always" | "off";
                            /** @default 3 */
                            maxLinks?: number;
                            /** @default [] */
                            blockedWords?: string[];
                            /** @default [] */
                            blockedEmails?: string[];
                            /** @default [] */
                            blockedIps?: string[];
                            /** @default 60 */
                            duplicateWindowMinutes?: number;
                            turnstileSecret?: string;
                        };
                        webhookUrl?: string;
                        retentionDays?: number | null;
                    };
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        enabled: boolean;
                        settings: {
                            fields: {
                                [key: string]: {
                                    required: boolean;
                                    /** @enum {string} */
                                    type: "text" | "email";
                                    maxLength?: number;
                                    label?: string;
                                };
                            };
                            strict: boolean;
                            maxFields: number;
                            maxFieldLength: number;
                            notify: string[];
                            subject: string;
                            autoresponse: {
                                enabled: boolean;
                                subject: string;
                                text: string;
                            };
                            redirectUrl?: string;
                            rateLimits: {
                                perAddressPerHour: number;
                                perFormPerHour: number;
                            };
                            spam: {
                                honeypotField: string;
                                minSeconds: number;
                                requireTimeToken: boolean;
                                /** @enum {string} */
                                proofOfWork: "scripted" | "always" | "off";
                                maxLinks: number;
                                blockedWords: string[];
                                blockedEmails: string[];
                                blockedIps: string[];
                                duplicateWindowMinutes: number;
                                turnstileSecret?: string;
                            };
                            webhookUrl?: string;
                            /** @description Days submissions are kept; unset or null: until the owner deletes them. */
                            retentionDays?: number | null;
                        };
                        /** @description Signs the form’s webhook deliveries (Standard Webhooks, `whsec_…`); `null` for console operators below editor. */
                        webhookSecret: string | null;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        updatedAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            409: components["responses"]["409-FORM_EXISTS"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminFormsByFormId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        enabled: boolean;
                        settings: {
                            fields: {
                                [key: string]: {
                                    required: boolean;
                                    /** @enum {string} */
                                    type: "text" | "email";
                                    maxLength?: number;
                                    label?: string;
                                };
                            };
                            strict: boolean;
                            maxFields: number;
                            maxFieldLength: number;
                            notify: string[];
                            subject: string;
                            autoresponse: {
                                enabled: boolean;
                                subject: string;
                                text: string;
                            };
                            redirectUrl?: string;
                            rateLimits: {
                                perAddressPerHour: number;
                                perFormPerHour: number;
                            };
                            spam: {
                                honeypotField: string;
                                minSeconds: number;
                                requireTimeToken: boolean;
                                /** @enum {string} */
                                proofOfWork: "scripted" | "always" | "off";
                                maxLinks: number;
                                blockedWords: string[];
                                blockedEmails: string[];
                                blockedIps: string[];
                                duplicateWindowMinutes: number;
                                turnstileSecret?: string;
                            };
                            webhookUrl?: string;
                            /** @description Days submissions are kept; unset or null: until the owner deletes them. */
                            retentionDays?: number | null;
                        };
                        /** @description Signs the form’s webhook deliveries (Standard Webhooks, `whsec_…`); `null` for console operators below editor. */
                        webhookSecret: string | null;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        updatedAt: number;
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-FORM_NOT_FOUND"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1AdminFormsByFormId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-FORM_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    patchV1AdminFormsByFormId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    enabled?: boolean;
                    settings?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        enabled: boolean;
                        settings: {
                            fields: {
                                [key: string]: {
                                    required: boolean;
                                    /** @enum {string} */
                                    type: "text" | "email";
                                    maxLength?: number;
                                    label?: string;
                                };
                            };
                            strict: boolean;
                            maxFields: number;
                            maxFieldLength: number;
                            notify: string[];
                            subject: string;
                            autoresponse: {
                                enabled: boolean;
                                subject: string;
                                text: string;
                            };
                            redirectUrl?: string;
                            rateLimits: {
                                perAddressPerHour: number;
                                perFormPerHour: number;
                            };
                            spam: {
                                honeypotField: string;
                                minSeconds: number;
                                requireTimeToken: boolean;
                                /** @enum {string} */
                                proofOfWork: "scripted" | "always" | "off";
                                maxLinks: number;
                                blockedWords: string[];
                                blockedEmails: string[];
                                blockedIps: string[];
                                duplicateWindowMinutes: number;
                                turnstileSecret?: string;
                            };
                            webhookUrl?: string;
                            /** @description Days submissions are kept; unset or null: until the owner deletes them. */
                            retentionDays?: number | null;
                        };
                        /** @description Signs the form’s webhook deliveries (Standard Webhooks, `whsec_…`); `null` for console operators below editor. */
                        webhookSecret: string | null;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        updatedAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-FORM_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminFormsByFormIdWebhookSecretRotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The new secret; the old one no longer signs deliveries. */
                        webhookSecret: string;
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-FORM_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminFormsByFormIdWebhookTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The queued delivery: `/v1/admin/outbox/{jobId}` follows it. */
                        jobId: string;
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-FORM_NOT_FOUND"];
            409: components["responses"]["409-WEBHOOK_NOT_SET"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminFormsByFormIdDeliveries: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the page before. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                formId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @description What is delivered: `email`, `webhook`, `forum.digest`. */
                            kind: string;
                            /**
                             * @description `dead`: every attempt failed; retry it once the cause is fixed.
                             * @enum {string}
                             */
                            status: "pending" | "sending" | "delivered" | "dead";
                            attempts: number;
                            maxAttempts: number;
                            /** @description When the next attempt is due. */
                            runAt: number;
                            /** @description Why the last attempt failed, if it did. */
                            lastError: string | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            deliveredAt: number | null;
                        }[];
                        /** @description Pass as `cursor` for the next page; `null` at the end. */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_CURSOR"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-FORM_NOT_FOUND"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminSubmissions: {
        parameters: {
            query?: {
                form?: string;
                status?: "new" | "read" | "spam" | "archived";
                /** @description Only submissions the spam filter marked for this reason. */
                spamReason?: "honeypot" | "blocked_ip" | "blocked_email" | "too_many_links" | "blocked_word" | "missing_time_token" | "too_fast" | "expired_time_token" | "invalid_time_token" | "missing_proof_of_work" | "invalid_proof_of_work" | "expired_proof_of_work" | "replayed_proof_of_work" | "duplicate" | "missing_turnstile_token" | "turnstile_failed";
                /** @description Arrived at or after this time. */
                from?: string;
                /** @description Arrived before this time. */
                to?: string;
                /** @description Text in one of the values or the sender’s address; case of A–Z ignored. */
                q?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            formId: string;
                            /** @enum {string} */
                            status: "new" | "read" | "spam" | "archived";
                            /** @description The fields as sent, normalised; a field sent more than once is a list. */
                            data: {
                                [key: string]: string | string[];
                            };
                            /** @description Why the spam filter marked it; empty when it did not. */
                            spamReasons: ("honeypot" | "blocked_ip" | "blocked_email" | "too_many_links" | "blocked_word" | "missing_time_token" | "too_fast" | "expired_time_token" | "invalid_time_token" | "missing_proof_of_work" | "invalid_proof_of_work" | "expired_proof_of_work" | "replayed_proof_of_work" | "duplicate" | "missing_turnstile_token" | "turnstile_failed")[];
                            /** @description The submitter’s address, when a field held one. */
                            email: string | null;
                            /** @description The signed-in member who sent it, if any. */
                            memberId: string | null;
                            ip: string | null;
                            userAgent: string | null;
                            /** @description When the notification was queued; null for spam. */
                            notifiedAt: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description Milliseconds since the Unix epoch. */
                            updatedAt: number;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_CURSOR"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminSubmissionsCsv: {
        parameters: {
            query?: {
                form?: string;
                status?: "new" | "read" | "spam" | "archived";
                /** @description Only submissions the spam filter marked for this reason. */
                spamReason?: "honeypot" | "blocked_ip" | "blocked_email" | "too_many_links" | "blocked_word" | "missing_time_token" | "too_fast" | "expired_time_token" | "invalid_time_token" | "missing_proof_of_work" | "invalid_proof_of_work" | "expired_proof_of_work" | "replayed_proof_of_work" | "duplicate" | "missing_turnstile_token" | "turnstile_failed";
                /** @description Arrived at or after this time. */
                from?: string;
                /** @description Arrived before this time. */
                to?: string;
                /** @description Text in one of the values or the sender’s address; case of A–Z ignored. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV file. */
            200: {
                headers: {
                    /** @description An attachment named `submissions.csv` or `submissions-<form>.csv`. */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminSubmissionsBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ids: string[];
                    /** @enum {string} */
                    action: "read" | "archive" | "spam" | "not_spam" | "delete";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description One per distinct id, in the order sent. */
                        results: {
                            id: string;
                            /**
                             * @description `unchanged`: the action does not apply (already read, already spam, not spam); `not_found`: no such submission on this site.
                             * @enum {string}
                             */
                            result: "done" | "unchanged" | "not_found";
                        }[];
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminSubmissionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        formId: string;
                        /** @enum {string} */
                        status: "new" | "read" | "spam" | "archived";
                        /** @description The fields as sent, normalised; a field sent more than once is a list. */
                        data: {
                            [key: string]: string | string[];
                        };
                        /** @description Why the spam filter marked it; empty when it did not. */
                        spamReasons: ("honeypot" | "blocked_ip" | "blocked_email" | "too_many_links" | "blocked_word" | "missing_time_token" | "too_fast" | "expired_time_token" | "invalid_time_token" | "missing_proof_of_work" | "invalid_proof_of_work" | "expired_proof_of_work" | "replayed_proof_of_work" | "duplicate" | "missing_turnstile_token" | "turnstile_failed")[];
                        /** @description The submitter’s address, when a field held one. */
                        email: string | null;
                        /** @description The signed-in member who sent it, if any. */
                        memberId: string | null;
                        ip: string | null;
                        userAgent: string | null;
                        /** @description When the notification was queued; null for spam. */
                        notifiedAt: number | null;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        updatedAt: number;
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-SUBMISSION_NOT_FOUND"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1AdminSubmissionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-SUBMISSION_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    patchV1AdminSubmissionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "new" | "read" | "spam" | "archived";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        formId: string;
                        /** @enum {string} */
                        status: "new" | "read" | "spam" | "archived";
                        /** @description The fields as sent, normalised; a field sent more than once is a list. */
                        data: {
                            [key: string]: string | string[];
                        };
                        /** @description Why the spam filter marked it; empty when it did not. */
                        spamReasons: ("honeypot" | "blocked_ip" | "blocked_email" | "too_many_links" | "blocked_word" | "missing_time_token" | "too_fast" | "expired_time_token" | "invalid_time_token" | "missing_proof_of_work" | "invalid_proof_of_work" | "expired_proof_of_work" | "replayed_proof_of_work" | "duplicate" | "missing_turnstile_token" | "turnstile_failed")[];
                        /** @description The submitter’s address, when a field held one. */
                        email: string | null;
                        /** @description The signed-in member who sent it, if any. */
                        memberId: string | null;
                        ip: string | null;
                        userAgent: string | null;
                        /** @description When the notification was queued; null for spam. */
                        notifiedAt: number | null;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        updatedAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-SUBMISSION_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminMembersByIdSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Most recently used first. */
                        items: {
                            /** @description For `DELETE /v1/auth/sessions/{id}`. */
                            id: string;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description Recorded to the hour. */
                            lastUsedAt: number;
                            /** @description When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner. */
                            expiresAt: number;
                            /** @description The browser that signed in, as it named itself. */
                            userAgent: string | null;
                            /** @description The address it signed in from. */
                            ip: string | null;
                            /**
                             * @description How the session token travels: the `Authorization` header, or a cookie.
                             * @enum {string}
                             */
                            transport: "bearer" | "cookie";
                        }[];
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-MEMBER_NOT_FOUND"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1AdminMembersByIdSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-MEMBER_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminMembersByIdExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member’s data. */
            200: {
                headers: {
                    /** @description `attachment; filename="porchlight-account-<member id>.json"` */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Milliseconds since the Unix epoch. */
                        exportedAt: number;
                        site: {
                            id: string;
                            name: string;
                        };
                        account: {
                            id: string;
                            /** @description Normalised: trimmed and lower-cased. */
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                            bio: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description `false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords. */
                            hasPassword: boolean;
                        };
                        sessions: {
                            /** @description For `DELETE /v1/auth/sessions/{id}`. */
                            id: string;
                            /** @description The session that made this request. */
                            current: boolean;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description Recorded to the hour. */
                            lastUsedAt: number;
                            /** @description When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner. */
                            expiresAt: number;
                            /** @description The browser that signed in, as it named itself. */
                            userAgent: string | null;
                            /** @description The address it signed in from. */
                            ip: string | null;
                            /**
                             * @description How the session token travels: the `Authorization` header, or a cookie.
                             * @enum {string}
                             */
                            transport: "bearer" | "cookie";
                        }[];
                        submissions: {
                            id: string;
                            formId: string;
                            /** @description The fields as sent. */
                            data: {
                                [key: string]: string | string[];
                            };
                            email: string | null;
                            ip: string | null;
                            userAgent: string | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                        }[];
                        posts: {
                            id: string;
                            threadId: string;
                            threadTitle: string;
                            number: number;
                            /** @description The markdown as written. */
                            body: string;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            editedAt: number | null;
                            deletedAt: number | null;
                        }[];
                        passkeys: {
                            name: string;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            lastUsedAt: number | null;
                        }[];
                        identities: {
                            providerId: string;
                            email: string | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                        }[];
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-MEMBER_NOT_FOUND"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminMembers: {
        parameters: {
            query?: {
                /** @description Part of the email, display name or username. */
                q?: string;
                role?: "member" | "moderator" | "admin";
                status?: "active" | "suspended" | "banned";
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description The last use of any of their sessions (to the hour); null when they have none. */
                            lastSeenAt: number | null;
                        }[];
                        /** @description Send as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_CURSOR"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminMembersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        emailVerified: boolean;
                        displayName: string;
                        username: string | null;
                        /** @enum {string} */
                        role: "member" | "moderator" | "admin";
                        /**
                         * @description The status in force now: a suspension whose time has passed reads `active`.
                         * @enum {string}
                         */
                        status: "active" | "suspended" | "banned";
                        /** @description Set only while a suspension is in force. */
                        suspendedUntil: number | null;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description The last use of any of their sessions (to the hour); null when they have none. */
                        lastSeenAt: number | null;
                        /** @description Sessions still in force. */
                        sessionCount: number;
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-MEMBER_NOT_FOUND"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1AdminMembersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-MEMBER_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    patchV1AdminMembersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "member" | "moderator" | "admin";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        emailVerified: boolean;
                        displayName: string;
                        username: string | null;
                        /** @enum {string} */
                        role: "member" | "moderator" | "admin";
                        /**
                         * @description The status in force now: a suspension whose time has passed reads `active`.
                         * @enum {string}
                         */
                        status: "active" | "suspended" | "banned";
                        /** @description Set only while a suspension is in force. */
                        suspendedUntil: number | null;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description The last use of any of their sessions (to the hour); null when they have none. */
                        lastSeenAt: number | null;
                        /** @description Sessions still in force. */
                        sessionCount: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-MEMBER_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminMembersByIdSuspend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description When it ends: milliseconds since the epoch, or an ISO 8601 date-time. */
                    until: number | string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        member: {
                            id: string;
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description The last use of any of their sessions (to the hour); null when they have none. */
                            lastSeenAt: number | null;
                            /** @description Sessions still in force. */
                            sessionCount: number;
                        };
                        /** @description As sent, for the owner’s records. */
                        reason: string | null;
                        sessionsEnded: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-MEMBER_NOT_FOUND"];
            409: components["responses"]["409-MEMBER_BANNED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminMembersByIdBan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        member: {
                            id: string;
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description The last use of any of their sessions (to the hour); null when they have none. */
                            lastSeenAt: number | null;
                            /** @description Sessions still in force. */
                            sessionCount: number;
                        };
                        /** @description As sent, for the owner’s records. */
                        reason: string | null;
                        sessionsEnded: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-MEMBER_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminMembersByIdUnban: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        member: {
                            id: string;
                            email: string;
                            emailVerified: boolean;
                            displayName: string;
                            username: string | null;
                            /** @enum {string} */
                            role: "member" | "moderator" | "admin";
                            /**
                             * @description The status in force now: a suspension whose time has passed reads `active`.
                             * @enum {string}
                             */
                            status: "active" | "suspended" | "banned";
                            /** @description Set only while a suspension is in force. */
                            suspendedUntil: number | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description The last use of any of their sessions (to the hour); null when they have none. */
                            lastSeenAt: number | null;
                            /** @description Sessions still in force. */
                            sessionCount: number;
                        };
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-MEMBER_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1AdminMembersByIdTotp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-MEMBER_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminAuthSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        passwordMinLength: number;
                        /** @description Check new passwords against a breached-password range API (k-anonymity). */
                        breachedPasswordCheck: boolean;
                        allowUnverifiedSignIn: boolean;
                        allowUnverifiedPosting: boolean;
                        sessionInactivityDays: number;
                        sessionAbsoluteDays: number;
                        /** @description Where emailed links send members, with `{action}` and `{token}` filled in; null: `/account?action=…&token=…` on the site’s first origin. */
                        linkTemplate: string | null;
                        /**
                         * @description When a member is deleted: keep their posts as "deleted member", or remove them.
                         * @enum {string}
                         */
                        deletedMemberPosts: "keep" | "remove";
                        /** @description Sign in with email and password. */
                        passwordSignIn: boolean;
                        /** @description Sign in with a single-use link sent by email. */
                        emailLinkSignIn: boolean;
                        /**
                         * @description Two-factor codes (TOTP): `off` allows no new enrolments, `optional` lets members turn it on, `required_for_staff` makes moderators and admins enrol before anything else.
                         * @enum {string}
                         */
                        totp: "off" | "optional" | "required_for_staff";
                        /** @description Members may add passkeys and sign in with them. */
                        passkeys: boolean;
                        /** @description The hostname passkeys are made for (the pages’ host or a parent of it); null: each page’s own host. */
                        passkeyRelyingPartyId: string | null;
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    patchV1AdminAuthSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        passwordMinLength: number;
                        /** @description Check new passwords against a breached-password range API (k-anonymity). */
                        breachedPasswordCheck: boolean;
                        allowUnverifiedSignIn: boolean;
                        allowUnverifiedPosting: boolean;
                        sessionInactivityDays: number;
                        sessionAbsoluteDays: number;
                        /** @description Where emailed links send members, with `{action}` and `{token}` filled in; null: `/account?action=…&token=…` on the site’s first origin. */
                        linkTemplate: string | null;
                        /**
                         * @description When a member is deleted: keep their posts as "deleted member", or remove them.
                         * @enum {string}
                         */
                        deletedMemberPosts: "keep" | "remove";
                        /** @description Sign in with email and password. */
                        passwordSignIn: boolean;
                        /** @description Sign in with a single-use link sent by email. */
                        emailLinkSignIn: boolean;
                        /**
                         * @description Two-factor codes (TOTP): `off` allows no new enrolments, `optional` lets members turn it on, `required_for_staff` makes moderators and admins enrol before anything else.
                         * @enum {string}
                         */
                        totp: "off" | "optional" | "required_for_staff";
                        /** @description Members may add passkeys and sign in with them. */
                        passkeys: boolean;
                        /** @description The hostname passkeys are made for (the pages’ host or a parent of it); null: each page’s own host. */
                        passkeyRelyingPartyId: string | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminSignInProviders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        providers: {
                            id: string;
                            /** @enum {string} */
                            kind: "github" | "google" | "microsoft" | "apple" | "oidc";
                            displayName: string;
                            clientId: string;
                            /** @description Whether a client secret is stored (it is never shown). */
                            clientSecretSet: boolean;
                            issuer: string | null;
                            options: {
                                teamId?: string;
                                keyId?: string;
                                privateKeySet: boolean;
                            };
                            enabled: boolean;
                            /** @description Register this as the redirect URI at the provider. */
                            callbackUrl: string;
                            createdAt: number;
                            updatedAt: number;
                        }[];
                        /** @description The one redirect URI to register at every provider. */
                        callbackUrl: string;
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    putV1AdminSignInProvidersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "github" | "google" | "microsoft" | "apple" | "oidc";
                    /** @description The button says "Continue with <displayName>"; default: the preset’s name. */
                    displayName?: string;
                    clientId: string;
                    /** @description Write-only. Left out: the stored one stays. */
                    clientSecret?: string;
                    /** @description `oidc`: the issuer URL (https); `microsoft`: the tenant (default `common`). */
                    issuer?: string | null;
                    /** @description `apple` only: the team, the key id, and the key that signs the client secret. */
                    options?: {
                        teamId: string;
                        keyId: string;
                        /** @description Write-only: the `.p8` key, PEM. */
                        privateKey?: string;
                    };
                    /** @default true */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "github" | "google" | "microsoft" | "apple" | "oidc";
                        displayName: string;
                        clientId: string;
                        /** @description Whether a client secret is stored (it is never shown). */
                        clientSecretSet: boolean;
                        issuer: string | null;
                        options: {
                            teamId?: string;
                            keyId?: string;
                            privateKeySet: boolean;
                        };
                        enabled: boolean;
                        /** @description Register this as the redirect URI at the provider. */
                        callbackUrl: string;
                        createdAt: number;
                        updatedAt: number;
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "github" | "google" | "microsoft" | "apple" | "oidc";
                        displayName: string;
                        clientId: string;
                        /** @description Whether a client secret is stored (it is never shown). */
                        clientSecretSet: boolean;
                        issuer: string | null;
                        options: {
                            teamId?: string;
                            keyId?: string;
                            privateKeySet: boolean;
                        };
                        enabled: boolean;
                        /** @description Register this as the redirect URI at the provider. */
                        callbackUrl: string;
                        createdAt: number;
                        updatedAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1AdminSignInProvidersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-PROVIDER_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminForumCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            slug: string;
                            name: string;
                            description: string;
                            position: number;
                            /** @enum {string} */
                            readAccess: "everyone" | "members";
                            /** @enum {string} */
                            threadAccess: "members" | "moderators";
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description Milliseconds since the Unix epoch. */
                            updatedAt: number;
                        }[];
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminForumCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    slug: string;
                    name: string;
                    /** @default  */
                    description?: string;
                    /** @default 0 */
                    position?: number;
                    /**
                     * @default everyone
                     * @enum {string}
                     */
                    readAccess?: "everyone" | "members";
                    /**
                     * @default members
                     * @enum {string}
                     */
                    threadAccess?: "members" | "moderators";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        description: string;
                        position: number;
                        /** @enum {string} */
                        readAccess: "everyone" | "members";
                        /** @enum {string} */
                        threadAccess: "members" | "moderators";
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        updatedAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            409: components["responses"]["409-CATEGORY_EXISTS"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1AdminForumCategoriesBySlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-CATEGORY_NOT_FOUND"];
            409: components["responses"]["409-CATEGORY_NOT_EMPTY"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    patchV1AdminForumCategoriesBySlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    slug?: string;
                    name?: string;
                    description?: string;
                    position?: number;
                    /** @enum {string} */
                    readAccess?: "everyone" | "members";
                    /** @enum {string} */
                    threadAccess?: "members" | "moderators";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        description: string;
                        position: number;
                        /** @enum {string} */
                        readAccess: "everyone" | "members";
                        /** @enum {string} */
                        threadAccess: "members" | "moderators";
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        updatedAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-CATEGORY_NOT_FOUND"];
            409: components["responses"]["409-CATEGORY_EXISTS"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminForumSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @default established
                         * @enum {string}
                         */
                        images: "off" | "established" | "everyone";
                        /** @default null */
                        editWindowMinutes: number | null;
                        /** @default 3 */
                        flagsToHide: number;
                        newMember: {
                            /** @default 24 */
                            hours: number;
                            /** @default 10 */
                            maxPostsPerDay: number;
                            /** @default 2 */
                            maxLinksPerPost: number;
                        };
                        /** @default 15 */
                        emailQuietMinutes: number;
                        /** @default 20000 */
                        maxPostLength: number;
                        /** @default 150 */
                        maxTitleLength: number;
                        postUrlTemplate?: string;
                        memberUrlTemplate?: string;
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    patchV1AdminForumSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @default established
                         * @enum {string}
                         */
                        images: "off" | "established" | "everyone";
                        /** @default null */
                        editWindowMinutes: number | null;
                        /** @default 3 */
                        flagsToHide: number;
                        newMember: {
                            /** @default 24 */
                            hours: number;
                            /** @default 10 */
                            maxPostsPerDay: number;
                            /** @default 2 */
                            maxLinksPerPost: number;
                        };
                        /** @default 15 */
                        emailQuietMinutes: number;
                        /** @default 20000 */
                        maxPostLength: number;
                        /** @default 150 */
                        maxTitleLength: number;
                        postUrlTemplate?: string;
                        memberUrlTemplate?: string;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminForumFlags: {
        parameters: {
            query?: {
                status?: "open" | "dismissed" | "actioned";
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            post: {
                                id: string;
                                threadId: string;
                                /** @description Position in the thread; 1 is the opening post. */
                                number: number;
                                author: {
                                    id: string;
                                    displayName: string;
                                    username: string | null;
                                    avatarUrl: string | null;
                                } | null;
                                replyToId: string | null;
                                quoteOfId: string | null;
                                /** @description The rendered post; `<p>[deleted]</p>` or `<p>[hidden by a moderator]</p>` in its place. */
                                html: string;
                                /** @description The markdown as written: only for its author and moderators, for editing. */
                                source?: string;
                                hidden: boolean;
                                /** @description For moderators, on hidden posts. */
                                hiddenReason?: string | null;
                                deleted: boolean;
                                edited: boolean;
                                editedAt: number | null;
                                likeCount: number;
                                /** @description Whether the signed-in reader liked it; absent for guests. */
                                liked?: boolean;
                                /** @description Milliseconds since the Unix epoch. */
                                createdAt: number;
                            };
                            thread: {
                                id: string;
                                title: string;
                            };
                            flagCount: number;
                            /** @description How many flags give each reason. */
                            reasons: {
                                [key: string]: number;
                            };
                            flags: {
                                id: string;
                                reason: string;
                                note: string | null;
                                member: {
                                    id: string;
                                    displayName: string;
                                    username: string | null;
                                } | null;
                                /** @enum {string} */
                                status: "open" | "dismissed" | "actioned";
                                resolvedBy: string | null;
                                resolvedAt: number | null;
                                /** @description Milliseconds since the Unix epoch. */
                                createdAt: number;
                            }[];
                            /** @description Milliseconds since the Unix epoch. */
                            firstFlaggedAt: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_CURSOR"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminForumPostsByIdFlagsResolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "dismiss" | "hide" | "delete" | "suspend_author";
                    reason?: string;
                    suspendDays?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        postId: string;
                        /** @enum {string} */
                        action: "dismiss" | "hide" | "delete" | "suspend_author";
                        flagsResolved: number;
                        post: {
                            id: string;
                            threadId: string;
                            /** @description Position in the thread; 1 is the opening post. */
                            number: number;
                            author: {
                                id: string;
                                displayName: string;
                                username: string | null;
                                avatarUrl: string | null;
                            } | null;
                            replyToId: string | null;
                            quoteOfId: string | null;
                            /** @description The rendered post; `<p>[deleted]</p>` or `<p>[hidden by a moderator]</p>` in its place. */
                            html: string;
                            /** @description The markdown as written: only for its author and moderators, for editing. */
                            source?: string;
                            hidden: boolean;
                            /** @description For moderators, on hidden posts. */
                            hiddenReason?: string | null;
                            deleted: boolean;
                            edited: boolean;
                            editedAt: number | null;
                            likeCount: number;
                            /** @description Whether the signed-in reader liked it; absent for guests. */
                            liked?: boolean;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                        };
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-MEMBER_NOT_FOUND-POST_NOT_FOUND"];
            409: components["responses"]["409-MEMBER_BANNED-NO_OPEN_FLAGS"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminForumHiddenPosts: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description As moderators see it: the body and `hiddenReason` included. */
                            post: {
                                id: string;
                                threadId: string;
                                /** @description Position in the thread; 1 is the opening post. */
                                number: number;
                                author: {
                                    id: string;
                                    displayName: string;
                                    username: string | null;
                                    avatarUrl: string | null;
                                } | null;
                                replyToId: string | null;
                                quoteOfId: string | null;
                                /** @description The rendered post; `<p>[deleted]</p>` or `<p>[hidden by a moderator]</p>` in its place. */
                                html: string;
                                /** @description The markdown as written: only for its author and moderators, for editing. */
                                source?: string;
                                hidden: boolean;
                                /** @description For moderators, on hidden posts. */
                                hiddenReason?: string | null;
                                deleted: boolean;
                                edited: boolean;
                                editedAt: number | null;
                                likeCount: number;
                                /** @description Whether the signed-in reader liked it; absent for guests. */
                                liked?: boolean;
                                /** @description Milliseconds since the Unix epoch. */
                                createdAt: number;
                            };
                            thread: {
                                id: string;
                                title: string;
                            };
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_CURSOR"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminForumPostsByIdHide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        threadId: string;
                        /** @description Position in the thread; 1 is the opening post. */
                        number: number;
                        author: {
                            id: string;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                        } | null;
                        replyToId: string | null;
                        quoteOfId: string | null;
                        /** @description The rendered post; `<p>[deleted]</p>` or `<p>[hidden by a moderator]</p>` in its place. */
                        html: string;
                        /** @description The markdown as written: only for its author and moderators, for editing. */
                        source?: string;
                        hidden: boolean;
                        /** @description For moderators, on hidden posts. */
                        hiddenReason?: string | null;
                        deleted: boolean;
                        edited: boolean;
                        editedAt: number | null;
                        likeCount: number;
                        /** @description Whether the signed-in reader liked it; absent for guests. */
                        liked?: boolean;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-POST_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminForumPostsByIdUnhide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        threadId: string;
                        /** @description Position in the thread; 1 is the opening post. */
                        number: number;
                        author: {
                            id: string;
                            displayName: string;
                            username: string | null;
                            avatarUrl: string | null;
                        } | null;
                        replyToId: string | null;
                        quoteOfId: string | null;
                        /** @description The rendered post; `<p>[deleted]</p>` or `<p>[hidden by a moderator]</p>` in its place. */
                        html: string;
                        /** @description The markdown as written: only for its author and moderators, for editing. */
                        source?: string;
                        hidden: boolean;
                        /** @description For moderators, on hidden posts. */
                        hiddenReason?: string | null;
                        deleted: boolean;
                        edited: boolean;
                        editedAt: number | null;
                        likeCount: number;
                        /** @description Whether the signed-in reader liked it; absent for guests. */
                        liked?: boolean;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-POST_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminForumModerationLog: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /**
                             * @description `owner`: with a secret key; `operator`: an operator of the console; `system`: the flag threshold.
                             * @enum {string}
                             */
                            by: "member" | "owner" | "operator" | "system";
                            /** @description The member who acted, while they exist. */
                            actor: {
                                id: string;
                                displayName: string;
                                username: string | null;
                            } | null;
                            /** @description The operator who acted, by the name they had then. */
                            operator: {
                                id: string;
                                name: string;
                            } | null;
                            /** @enum {string} */
                            action: "post.edit" | "post.hide" | "post.unhide" | "post.delete" | "flags.dismiss" | "thread.hide" | "thread.unhide" | "thread.lock" | "thread.unlock" | "thread.pin" | "thread.unpin" | "thread.move" | "thread.slow_mode" | "thread.delete" | "member.suspend" | "member.ban" | "member.unban" | "member.role" | "category.create" | "category.update" | "category.delete";
                            /** @enum {string} */
                            targetType: "post" | "thread" | "member" | "category" | "flag";
                            targetId: string;
                            reason: string | null;
                            details: {
                                [key: string]: unknown;
                            };
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_CURSOR"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminOperators: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operators: {
                            id: string;
                            email: string;
                            name: string;
                            /**
                             * @description `viewer` reads; `moderator` also the inbox and moderation; `editor` also forms, members and settings; `owner` everything.
                             * @enum {string}
                             */
                            role: "viewer" | "moderator" | "editor" | "owner";
                            totpEnabled: boolean;
                            lastSignInAt: number | null;
                            /** @description When they got a role on this site. */
                            addedAt: number;
                        }[];
                        /** @description Sent and not yet accepted or expired. */
                        invites: {
                            id: string;
                            email: string;
                            /**
                             * @description `viewer` reads; `moderator` also the inbox and moderation; `editor` also forms, members and settings; `owner` everything.
                             * @enum {string}
                             */
                            role: "viewer" | "moderator" | "editor" | "owner";
                            invitedBy: string;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                            /** @description Milliseconds since the Unix epoch. */
                            expiresAt: number;
                        }[];
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    postV1AdminOperatorInvites: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    /** @enum {string} */
                    role: "viewer" | "moderator" | "editor" | "owner";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        /**
                         * @description `viewer` reads; `moderator` also the inbox and moderation; `editor` also forms, members and settings; `owner` everything.
                         * @enum {string}
                         */
                        role: "viewer" | "moderator" | "editor" | "owner";
                        invitedBy: string;
                        /** @description Milliseconds since the Unix epoch. */
                        createdAt: number;
                        /** @description Milliseconds since the Unix epoch. */
                        expiresAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            409: components["responses"]["409-ALREADY_OPERATOR"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1AdminOperatorInvitesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-INVITE_NOT_FOUND"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    deleteV1AdminOperatorsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-OPERATOR_NOT_FOUND"];
            409: components["responses"]["409-LAST_OWNER"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    patchV1AdminOperatorsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "viewer" | "moderator" | "editor" | "owner";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        /**
                         * @description `viewer` reads; `moderator` also the inbox and moderation; `editor` also forms, members and settings; `owner` everything.
                         * @enum {string}
                         */
                        role: "viewer" | "moderator" | "editor" | "owner";
                        totpEnabled: boolean;
                        lastSignInAt: number | null;
                        /** @description When they got a role on this site. */
                        addedAt: number;
                    };
                };
            };
            400: components["responses"]["400-INVALID_JSON"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            404: components["responses"]["404-OPERATOR_NOT_FOUND"];
            409: components["responses"]["409-LAST_OWNER"];
            413: components["responses"]["413-PAYLOAD_TOO_LARGE"];
            415: components["responses"]["415-UNSUPPORTED_MEDIA_TYPE"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminAuditLog: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the page before. */
                cursor?: string;
                /** @description Only entries by this operator or key id. */
                actor?: string;
                /** @description Only entries of this action, e.g. `POST /v1/admin/keys`. */
                action?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            id: string;
                            actor: {
                                /** @enum {string} */
                                type: "operator" | "key" | "cli";
                                id: string | null;
                                /** @description The operator’s email or the key’s hint, as it was then. */
                                label: string;
                            };
                            /** @description `METHOD /template` of the route, or the CLI command. */
                            action: string;
                            summary: string;
                            /** @description The path parameters of the route: what was changed. */
                            target: {
                                [key: string]: string;
                            } | null;
                            details: {
                                [key: string]: unknown;
                            } | null;
                            ip: string | null;
                            /** @description Milliseconds since the Unix epoch. */
                            createdAt: number;
                        }[];
                        /** @description Pass as `cursor` for the next page; `null` at the end. */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-INVALID_CURSOR"];
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1AdminOverview: {
        parameters: {
            query?: {
                /** @description How many days, today included. */
                days?: "7" | "30" | "90";
                /** @description Minutes east of UTC of the reader’s time zone, for where days begin (-300 for New York in winter). Default 0: UTC days. */
                utcOffset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        days: number;
                        utcOffset: number;
                        /** @description Start of the first day, ms since the epoch. */
                        from: number;
                        /** @description End of today (exclusive), ms since the epoch. */
                        to: number;
                        /** @description One entry per day, oldest first; days with nothing have zeros. */
                        series: {
                            /** @description `YYYY-MM-DD`, local. */
                            date: string;
                            /** @description Every submission received, spam included. */
                            submissions: number;
                            /** @description Those the spam filter marked, whatever their status now. */
                            spam: number;
                            /** @description Marked for each reason; one submission may have several. */
                            spamByReason: {
                                honeypot: number;
                                blocked_ip: number;
                                blocked_email: number;
                                too_many_links: number;
                                blocked_word: number;
                                missing_time_token: number;
                                too_fast: number;
                                expired_time_token: number;
                                invalid_time_token: number;
                                missing_proof_of_work: number;
                                invalid_proof_of_work: number;
                                expired_proof_of_work: number;
                                replayed_proof_of_work: number;
                                duplicate: number;
                                missing_turnstile_token: number;
                                turnstile_failed: number;
                            };
                            /** @description Members registered. */
                            signups: number;
                            /** @description Posts written, threads’ opening posts included. */
                            posts: number;
                            /** @description Posts flagged by members. */
                            flags: number;
                        }[];
                        totals: {
                            /** @description Every submission received, spam included. */
                            submissions: number;
                            /** @description Those the spam filter marked, whatever their status now. */
                            spam: number;
                            /** @description Marked for each reason; one submission may have several. */
                            spamByReason: {
                                honeypot: number;
                                blocked_ip: number;
                                blocked_email: number;
                                too_many_links: number;
                                blocked_word: number;
                                missing_time_token: number;
                                too_fast: number;
                                expired_time_token: number;
                                invalid_time_token: number;
                                missing_proof_of_work: number;
                                invalid_proof_of_work: number;
                                expired_proof_of_work: number;
                                replayed_proof_of_work: number;
                                duplicate: number;
                                missing_turnstile_token: number;
                                turnstile_failed: number;
                            };
                            /** @description Members registered. */
                            signups: number;
                            /** @description Posts written, threads’ opening posts included. */
                            posts: number;
                            /** @description Posts flagged by members. */
                            flags: number;
                        };
                        /** @description The site’s outbox now, read as the deployment’s metrics read theirs. */
                        deliveries: {
                            /** @description Waiting for their first attempt or a retry. */
                            pending: number;
                            /** @description Being delivered now. */
                            sending: number;
                            /** @description Pending after at least one failed attempt. */
                            retrying: number;
                            /** @description Gave up after every attempt; retry them from the outbox. */
                            dead: number;
                            /** @description How long the longest-waiting delivery has waited; 0 when none waits. */
                            oldestPendingSeconds: number;
                        };
                    };
                };
            };
            401: components["responses"]["401-INVALID_SECRET_KEY-SIGN_IN_REQUIRED"];
            403: components["responses"]["403-CROSS_SITE_REQUEST-ROLE_FORBIDDEN-SITE_FORBIDDEN-TOTP_SETUP_REQUIRED"];
            422: components["responses"]["422-VALIDATION_FAILED"];
            429: components["responses"]["429-RATE_LIMITED"];
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
    getV1OpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    /** @description Send it back in `If-None-Match` to revalidate. */
                    ETag?: string;
                    /** @description `public, max-age=300`. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        info: {
                            title: string;
                            version: string;
                        } & {
                            [key: string]: unknown;
                        };
                        servers: ({
                            url: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        tags: ({
                            name: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        paths: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        components: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Not modified since the ETag sent in If-None-Match. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            500: components["responses"]["500-INTERNAL_ERROR"];
            503: components["responses"]["503-DATABASE_BUSY-DATABASE_UNAVAILABLE-INVALID_CONFIGURATION"];
        };
    };
}
