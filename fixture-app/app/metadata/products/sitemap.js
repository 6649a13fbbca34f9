// Several sitemaps from one file: one per id that generateSitemaps returns.
export async function generateSitemaps() {
  return [{ id: 0 }, { id: 1 }, { id: 2 }]
}

export default async function sitemap(props) {
  const id = await props.id
  return [
    {
      url: `https://acme.com/product/${id}`,
      lastModified: '2024-05-06',
    },
  ]
}
