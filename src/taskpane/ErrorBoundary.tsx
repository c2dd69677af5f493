/**
 * A render error anywhere in the pane shows a Vietnamese (or English) message with a way back,
 * instead of a blank pane. The workbook is never touched by rendering, so nothing is lost.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { Component, type ErrorInfo, type ReactNode } from "react";
import type { Locale } from "../engine/i18n";
import { t } from "./strings";

interface Props {
  locale: Locale;
  children: ReactNode;
  /** Called with each error caught (the add-in logs it to the console). */
  onError?: (error: unknown, info: ErrorInfo) => void;
}

export class PaneErrorBoundary extends Component<Props, { error?: unknown }> {
  override state: { error?: unknown } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  override render(): ReactNode {
    const { locale } = this.props;
    if (this.state.error === undefined) return this.props.children;
    return (
      <main aria-labelledby="pane-crash-title" style={{ padding: 12 }}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle id="pane-crash-title">{t(locale, "crashTitle")}</MessageBarTitle>
            {t(locale, "crashBody")}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => this.setState({ error: undefined })}>{t(locale, "reload")}</Button>
          </MessageBarActions>
        </MessageBar>
      </main>
    );
  }
}
