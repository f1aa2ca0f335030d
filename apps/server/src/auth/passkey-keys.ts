import {
  decodePKIXECDSASignature,
  decodeSEC1PublicKey,
  ECDSAPublicKey,
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
      return { algorithm, publicKey: new ECDSAPublicKey(p256, x, y).encodeSEC1Uncompressed() }
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
