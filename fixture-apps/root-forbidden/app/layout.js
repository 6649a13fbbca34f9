import { forbidden } from 'next/navigation'

/** The root layout calls forbidden() before rendering anything. */
export default function RootLayout() {
  forbidden()
}
