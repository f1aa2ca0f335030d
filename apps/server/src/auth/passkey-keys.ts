import {
  decodePKIXECDSASignature,
  decodeSEC1PublicKey,
  p256,
  verifyECDSASignature,
} from '@oslojs/crypto/ecdsa'
import {
  decodePKCS1RSAPublicKey,
  RSAPublicKey,
  sha256ObjectIdentifier,
  verifyRSASSAPKCS1v15Signature,
} from '@oslojs/crypto/rsa'
import { sha256 } from '@oslojs/crypto/sha2'
import {
  COSEKeyType,
  type COSEPublicKey,
  coseAlgorithmES256,
  coseAlgorithmRS256,
  coseEllipticCurveP256,
  createAssertionSignatureMessage,
} from '@oslojs/webauthn'

// A passkey's public key, kept in a plain standard encoding chosen by its algorithm: ES256 as a
// SEC1 uncompressed point, RS256 as a PKCS#1 RSAPublicKey. Both are what the signature check
// needs directly, so sign-in decodes no CBOR. Signatures are checked with @oslojs/crypto, pure
// TypeScript, so the same code runs on Node and on Workers.
//
// Only ES256 and RS256: every platform authenticator and security key offers one of them, and
// fewer algorithms means less code that can be wrong.

export type StoredPublicKey = { algorithm: number; publicKey: Uint8Array }

/** The key in its stored form, or `null` for an algorithm or curve this server does not take. */
export function storablePublicKey(cose: COSEPublicKey): StoredPublicKey | null {
  try {
    const type = cose.type()
    const algorithm = cose.isAlgorithmDefined() ? cose.algorithm() : null
    if (type === COSEKeyType.EC2 && algorithm === coseAlgorithmES256) {
      const { curve, x, y } = cose.ec2()
      if (curve !== coseEllipticCurveP256) return null
      return { algorithm, publicKey: sec1Uncompressed(x, y) }
    }
    if (type === COSEKeyType.RSA && algorithm === coseAlgorithmRS256) {
      const { n, e } = cose.rsa()
      return { algorithm, publicKey: new RSAPublicKey(n, e).encodePKCS1() }
    }
  } catch {
    // A malformed key is as unusable as an unknown one.
  }
  return null
}

/**
 * A P-256 point as SEC1 uncompressed bytes: 0x04, then x and y, each right-aligned in 32 bytes.
 * Written here because @oslojs/crypto's `encodeSEC1Uncompressed` left-aligns a `y` that starts
 * with a zero byte: about one passkey in 256 was stored as another point, and its every sign-in
 * then failed with `PASSKEY_INVALID_SIGNATURE`.
 */
export function sec1Uncompressed(x: bigint, y: bigint): Uint8Array {
  const point = new Uint8Array(65)
  point[0] = 0x04
  point.set(fieldBytes(x), 1)
  point.set(fieldBytes(y), 33)
  return point
}

/** A P-256 coordinate as its 32 big-endian bytes. */
function fieldBytes(value: bigint): Uint8Array {
  const hex = value.toString(16).padStart(64, '0')
  if (hex.length > 64) throw new RangeError('Not a P-256 coordinate')
  const bytes = new Uint8Array(32)
  for (let i = 0; i < 32; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

/**
 * Whether `signature` is the passkey's signature over the authenticator data and the hash of
 * the client data (WebAuthn §7.2 step 20). Malformed keys or signatures are simply not valid.
 */
export function assertionSignatureValid(
  key: StoredPublicKey,
  authenticatorData: Uint8Array,
  clientDataJSON: Uint8Array,
  signature: Uint8Array,
): boolean {
  const hash = sha256(createAssertionSignatureMessage(authenticatorData, clientDataJSON))
  try {
    if (key.algorithm === coseAlgorithmES256) {
      const publicKey = decodeSEC1PublicKey(p256, key.publicKey)
      return verifyECDSASignature(publicKey, hash, decodePKIXECDSASignature(signature))
    }
    if (key.algorithm === coseAlgorithmRS256) {
      const publicKey = decodePKCS1RSAPublicKey(key.publicKey)
      return verifyRSASSAPKCS1v15Signature(publicKey, sha256ObjectIdentifier, hash, signature)
    }
  } catch {
    return false
  }
  return false
}
