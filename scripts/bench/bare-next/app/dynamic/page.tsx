import { connection } from "next/server";
import { Content } from "../content";

export default async function DynamicPage() {
  await connection();
  return <Content title="A page rendered per request" />;
}
