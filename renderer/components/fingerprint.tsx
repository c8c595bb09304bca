// A device fingerprint, large and in its groups of five digits, for reading aloud by phone.
export function Fingerprint({ value }: { value: string }) {
  const groups = value.split(/\s+/).filter(Boolean);
  return (
    <p className="fingerprint" data-testid="fingerprint">
      {groups.map((g, i) => (
        <span key={i} className="fingerprint__group">
          {g}
          {/* A real space between groups, so copying and screen readers keep the grouping. */}
          {i < groups.length - 1 ? ' ' : ''}
        </span>
      ))}
    </p>
  );
}
