import { ApiError, type FieldErrors } from '../http/errors.ts'

/** Contact-form error codes; stable, the SDK and the script tag rely on them. */
export const ContactErrors = {
  formNotFound: () => new ApiError(404, 'FORM_NOT_FOUND', 'This site has no form with that id.'),
  formDisabled: () =>
    new ApiError(403, 'FORM_DISABLED', 'This form is not accepting submissions right now.'),
  formExists: () => new ApiError(409, 'FORM_EXISTS', 'A form with that id already exists.'),
  webhookNotSet: () =>
    new ApiError(
      409,
      'WEBHOOK_NOT_SET',
      'This form has no webhookUrl: set one before sending a test event.',
    ),
  submissionNotFound: () =>
    new ApiError(404, 'SUBMISSION_NOT_FOUND', 'No such submission for this site.'),
  tooManyFields: (max: number) =>
    new ApiError(422, 'TOO_MANY_FIELDS', `A submission may have at most ${max} fields.`),
  fileUploadsNotSupported: (fields: FieldErrors) =>
    new ApiError(422, 'FILE_UPLOADS_NOT_SUPPORTED', 'File uploads are not supported.', { fields }),
  unreadableBody: () =>
    new ApiError(400, 'BAD_REQUEST', 'The form body could not be read; send it again.'),
  unsupportedBody: () =>
    new ApiError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the form as application/json, application/x-www-form-urlencoded or multipart/form-data.',
    ),
} as const
