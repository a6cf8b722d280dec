import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import type { Connector } from "wagmi";

export type AccountPickerProps = { onChosen: () => void; disabled: boolean };

/** Loads a wallet's own account screen (a dynamic import, so it costs nothing until opened). */
export type AccountPickerLoader = () => Promise<{ default: ComponentType<AccountPickerProps> }>;

/**
 * A connector that needs the person to choose an account inside the chooser before it connects
 * (the built-in dev wallet) carries `loadAccountPicker`. The chooser asks the connector instead
 * of importing any wallet's code, so a build without that connector has none of it.
 */
export function accountPickerOf(connector: Connector): AccountPickerLoader | undefined {
  const loader = (connector as { loadAccountPicker?: unknown }).loadAccountPicker;
  return typeof loader === "function" ? (loader as AccountPickerLoader) : undefined;
}

const lazyPickers = new WeakMap<AccountPickerLoader, LazyExoticComponent<ComponentType<AccountPickerProps>>>();

/** One lazy component per loader for the life of the tab, so a re-render never remounts the screen. */
export function lazyAccountPicker(loader: AccountPickerLoader): LazyExoticComponent<ComponentType<AccountPickerProps>> {
  let picker = lazyPickers.get(loader);
  if (!picker) {
    picker = lazy(loader);
    lazyPickers.set(loader, picker);
  }
  return picker;
}

/** Renders a connector's account screen, loading its code the first time (inside a Suspense). */
export function AccountPickerHost({ loader, ...props }: AccountPickerProps & { loader: AccountPickerLoader }) {
  // Not a new component per render: lazyAccountPicker returns the one cached for this loader.
  const Picker = lazyAccountPicker(loader);
  // eslint-disable-next-line react-hooks/static-components
  return <Picker {...props} />;
}
