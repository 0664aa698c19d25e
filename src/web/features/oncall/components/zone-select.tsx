import { Select } from '@mantine/core';
import { useMemo } from 'react';

interface ZoneSelectProps {
  label: string;
  description?: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** Every IANA zone the browser knows, searchable: "chicago" finds America/Chicago. */
export function ZoneSelect({ label, description, value, onChange, error, disabled }: ZoneSelectProps) {
  const zones = useMemo(() => {
    const known = Intl.supportedValuesOf('timeZone');
    return [...new Set(['UTC', ...known, ...(value ? [value] : [])])];
  }, [value]);
  return (
    <Select
      label={label}
      description={description}
      searchable
      limit={60}
      data={zones}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      allowDeselect={false}
      error={error}
      disabled={disabled}
      nothingFoundMessage="No such zone"
      w={300}
    />
  );
}
