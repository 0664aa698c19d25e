/**
 * Who may read what on a ticket. Each party has a private channel the other never receives;
 * requesters see only what is shared with them.
 */
export type Visibility = 'shared' | 'provider_only' | 'internal_only';
export type Reader = { readonly party: 'internal' | 'provider'; readonly isRequester: boolean };

export function visibleTo(reader: Reader): Visibility[] {
  if (reader.isRequester) return ['shared'];
  return reader.party === 'provider' ? ['shared', 'provider_only'] : ['shared', 'internal_only'];
}

export function canRead(reader: Reader, visibility: Visibility): boolean {
  return visibleTo(reader).includes(visibility);
}

/** A writer can post only what they could read: no one writes into the other party's channel. */
export function canWrite(writer: Reader, visibility: Visibility): boolean {
  return canRead(writer, visibility);
}

/** The private channel of a party, for labels such as "Internal note". */
export function privateChannelOf(party: Reader['party']): Visibility {
  return party === 'provider' ? 'provider_only' : 'internal_only';
}
