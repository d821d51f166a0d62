import { GraphQLError } from 'graphql';
import { Upload, type FileUpload } from 'graphql-upload-minimal';

export type { FileUpload };

/**
 * The `Upload` scalar, for `builder.scalarType('Upload', uploadScalarConfig)`: input-only; its
 * value in a resolver is the promise of the file (`createReadStream`, `filename`, `mimetype`, …).
 */
export const uploadScalarConfig = {
  description: 'A file, sent as a part of a GraphQL multipart request (github.com/jaydenseric/graphql-multipart-request-spec).',
  serialize(): never {
    throw new GraphQLError('Upload is an input-only scalar');
  },
  parseValue(value: unknown): Promise<FileUpload> {
    if (value instanceof Upload) return value.promise;
    throw new GraphQLError('Upload must be a file part of a multipart request');
  },
  parseLiteral(): never {
    throw new GraphQLError('Upload cannot be written in the query; send the file as a multipart request variable');
  },
};
