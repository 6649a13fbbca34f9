export default function BlogTemplate({ children }) {
  return <div data-template="blog">{children}</div>
}
