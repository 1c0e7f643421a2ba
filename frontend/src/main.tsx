// The app's providers (wagmi and TanStack Query) live here and only here.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { WagmiProvider } from "wagmi";
import { App } from "./components/App";
import "./styles.css";
import { config } from "./wagmi";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Reads are refreshed on every new block (see useChainClock and lib/queries.ts), not on a timer or on window focus.
      refetchOnWindowFocus: false,
      staleTime: 30_000,
      retry: 1,
    },
  },
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <WagmiProvider config={config}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </WagmiProvider>
  </StrictMode>,
);
