/** The task pane. Its Office.js access comes from src/office through props (see issue 3). */
import { FluentProvider, Title3, Body1, webLightTheme } from "@fluentui/react-components";

export function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title3 as="h1">Đề án Checker</Title3>
        <Body1 as="p">Kiểm tra các Phụ lục của kế hoạch đào tạo, bồi dưỡng theo sổ quy tắc.</Body1>
      </main>
    </FluentProvider>
  );
}
