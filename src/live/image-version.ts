// The Cilium version an image reference carries in its tag: quay.io/cilium/cilium:v1.16.5@sha256:… is 1.16.5.

/**
 * The tag of an image reference as a version string ("1.16.5", "1.18.0-rc.1"), or undefined when the image
 * has no tag that reads as one (`latest`, a digest alone). The digest is ignored, and a registry port
 * (`registry:5000/cilium/cilium:v1.16.5`) is not mistaken for a tag.
 */
export function versionFromImage(image: string): string | undefined {
  const name = image.split('@')[0] ?? '';
  const colon = name.indexOf(':', name.lastIndexOf('/') + 1);
  if (colon < 0) return undefined;
  const match = /^v?(\d+\.\d+(?:\.\d+)?(?:[-+][0-9A-Za-z.-]+)?)$/.exec(name.slice(colon + 1));
  return match?.[1];
}
