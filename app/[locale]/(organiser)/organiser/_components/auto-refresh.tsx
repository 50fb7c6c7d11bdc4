"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While a run is going, fetches the page again every 2 seconds: live progress without a socket. */
export function AutoRefresh({ isActive }: { isActive: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!isActive) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [isActive, router]);
  return null;
}
