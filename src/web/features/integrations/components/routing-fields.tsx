import type { FieldMapping, Integration, IntegrationDefaults } from '../api/integration-types.ts';
import { DefaultsFields, type IntegrationChoices } from './defaults-fields.tsx';
import { MappingFields } from './mapping-fields.tsx';
import { RateLimitInput } from './rate-limit-input.tsx';

interface RoutingFieldsProps {
  type: Integration['type'];
  defaults: IntegrationDefaults;
  onDefaults: (defaults: IntegrationDefaults) => void;
  mapping: FieldMapping;
  onMapping: (mapping: FieldMapping) => void;
  rate: number | '';
  onRate: (rate: number | '') => void;
  choices: IntegrationChoices;
  /** The API's field error at a JSON pointer into the body, if any. */
  errorAt: (pointer: string) => string | undefined;
}

/** What an integration does with its events: routing defaults, the field mapping of generic JSON, its rate. */
export function RoutingFields(props: RoutingFieldsProps) {
  const { errorAt } = props;
  return (
    <>
      <DefaultsFields
        value={props.defaults}
        onChange={props.onDefaults}
        choices={props.choices}
        errors={errorAt}
      />
      {props.type === 'generic_json' && (
        <MappingFields value={props.mapping} onChange={props.onMapping} errors={errorAt} />
      )}
      <RateLimitInput value={props.rate} onChange={props.onRate} error={errorAt('/ratePerMinute')} />
    </>
  );
}

/** The defaults as the API takes them: the server replaces them whole, cleared ones left out. */
export function definedDefaults(defaults: IntegrationDefaults): IntegrationDefaults {
  return Object.fromEntries(
    Object.entries(defaults).filter(([, value]) => value !== null && value !== undefined),
  ) as IntegrationDefaults;
}
