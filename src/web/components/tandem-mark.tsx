import { ThemeIcon } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';

/** The product mark: two linked rings, the two parties working as one. */
export function TandemMark({ size = 28 }: { size?: number }) {
  return (
    <ThemeIcon size={size} radius="md" variant="filled" aria-hidden>
      <IconLink size={Math.round(size * 0.6)} stroke={2.2} />
    </ThemeIcon>
  );
}
