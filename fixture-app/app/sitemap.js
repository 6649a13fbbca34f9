// Every field of a sitemap entry: lastModified as a Date and as a string, changeFrequency,
// priority, localized alternates, images and videos.
export default function sitemap() {
  return [
    {
      url: 'https://acme.com',
      lastModified: new Date('2024-01-02T03:04:05.678Z'),
      changeFrequency: 'yearly',
      priority: 1,
    },
    {
      url: 'https://acme.com/about',
      lastModified: '2021-01-01',
      changeFrequency: 'monthly',
      priority: 0.8,
      alternates: {
        languages: {
          es: 'https://acme.com/es/about',
          de: 'https://acme.com/de/about',
        },
      },
    },
    {
      url: 'https://acme.com/gallery',
      images: ['https://acme.com/image.jpg', 'https://acme.com/image-2.jpg'],
      videos: [
        {
          title: 'example',
          thumbnail_loc: 'https://acme.com/thumb.jpg',
          description: 'this is the description',
        },
      ],
    },
    {
      url: 'https://acme.com/plain',
    },
  ]
}
