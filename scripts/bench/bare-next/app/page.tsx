import { Content } from "./content";

export default function StaticPage() {
  return <Content title="A prerendered page" />;
}
