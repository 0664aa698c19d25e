import { Select } from '@mantine/core';
import { useMemo } from 'react';

interface TimeZoneSelectProps {
  value: string;
  onChange: (zone: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** Every IANA zone the browser knows, searchable: "chicago" finds America/Chicago. */
export function TimeZoneSelect({ value, onChange, error, disabled }: TimeZoneSelectProps) {
  const zones = useMemo(() => {
    const known = Intl.supportedValuesOf('timeZone');
    return [...new Set(['UTC', ...known, ...(value ? [value] : [])])];
  }, [value]);
  return (
    <Select
      label="Time zone"
      description="Hours and holidays are read in this zone, summer time included."
      searchable
      limit={60}
      data={zones}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      allowDeselect={false}
      error={error}
      disabled={disabled}
      nothingFoundMessage="No such zone"
      w={320}
    />
  );
}
