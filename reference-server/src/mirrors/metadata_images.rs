//! Mirrors of the image files of `fixture-app/app/metadata/` that show what an image function
//! is given and may return: `shop/` (the params it and `generateImageMetadata` get), `catalog/[id]/` (the docs'
//! `generateImageMetadata` example), `return-types/` (each type the docs allow) and
//! `local-asset/` (a file of the project read with Node.js).

use super::metadata_caching::svg_response;
use crate::code::{ImageMetadata, ImageReturn, MetadataCode, MetadataId};
use crate::metadata::images::ImageResponse;
use crate::params::{ParamValue, Params};
use crate::web::{RouteRequest, Thrown, WebResponse};

fn param(request: &RouteRequest, name: &str) -> String {
    match request.params.as_ref().and_then(|p| p.get(name)) {
        Some(ParamValue::One(value)) => value.clone(),
        _ => "undefined".into(),
    }
}

/// shop/icon.js: an SVG writing `params: ${JSON.stringify(await params)}`.
fn shop_icon(_id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    let params = request.params.as_ref().map_or("undefined".to_owned(), |p| p.to_json().to_string());
    Ok(ImageReturn::Response(svg_response(&format!("params: {params}"))))
}
pub const SHOP_ICON: MetadataCode = MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: shop_icon };

/// shop/[tag]/[item]/icon.js: icons 1 (16x16) and 2 (32x32), numeric ids; each an SVG writing
/// both params, its id and the id's type.
fn shop_item_icons(_params: Option<&Params>) -> Vec<ImageMetadata> {
    [(1, 16), (2, 32)]
        .into_iter()
        .map(|(id, side)| ImageMetadata { id: MetadataId::Number(id), alt: None, size: Some((side, side)), content_type: None })
        .collect()
}
fn shop_item_icon(id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    let (shown, type_of) = id.map_or(("undefined".to_owned(), "undefined"), |id| (id.to_url(), id.type_of()));
    let text = format!("tag={} item={} id={shown} ({type_of})", param(request, "tag"), param(request, "item"));
    Ok(ImageReturn::Response(svg_response(&text)))
}
pub const SHOP_ITEM_ICON: MetadataCode = MetadataCode::Image { generate_image_metadata: Some(shop_item_icons), generate_static_params: None, image: shop_item_icon };

/// shop/[tag]/[item]/opengraph-image.js: an SVG writing both params.
fn shop_item_image(_id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    Ok(ImageReturn::Response(svg_response(&format!("tag={} item={}", param(request, "tag"), param(request, "item")))))
}
pub const SHOP_ITEM_IMAGE: MetadataCode = MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: shop_item_image };

/// shop/[tag]/[item]/twitter-image.js: two images whose ids and alts are made of both params
/// (`<tag>-<item>-small`, 16x16, and `-large`, 32x32); each an SVG writing both params and its id.
fn shop_item_twitter_images(params: Option<&Params>) -> Vec<ImageMetadata> {
    let param = |name| match params.and_then(|p| p.get(name)) {
        Some(ParamValue::One(value)) => value.clone(),
        _ => "undefined".into(),
    };
    let (tag, item) = (param("tag"), param("item"));
    [("small", "Small", 16), ("large", "Large", 32)]
        .into_iter()
        .map(|(id, adjective, side)| ImageMetadata {
            id: MetadataId::Text(format!("{tag}-{item}-{id}")),
            alt: Some(format!("{adjective} {item} of {tag}")),
            size: Some((side, side)),
            content_type: None,
        })
        .collect()
}
fn shop_item_twitter_image(id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    let shown = id.map_or("undefined".to_owned(), MetadataId::to_url);
    Ok(ImageReturn::Response(svg_response(&format!("tag={} item={} id={shown}", param(request, "tag"), param(request, "item")))))
}
pub const SHOP_ITEM_TWITTER_IMAGE: MetadataCode =
    MetadataCode::Image { generate_image_metadata: Some(shop_item_twitter_images), generate_static_params: None, image: shop_item_twitter_image };

/// catalog/[id]/opengraph-image.js: the captions of each product.
fn captions(product: &str) -> &'static [&'static str] {
    match product {
        "1" => &["Product 1, front", "Product 1, back"],
        "2" => &["Product 2"],
        _ => &[],
    }
}
/// One image per caption of the product: ids 0, 1..., 1200x600, the caption as alt.
fn catalog_images(params: Option<&Params>) -> Vec<ImageMetadata> {
    let product = match params.and_then(|p| p.get("id")) {
        Some(ParamValue::One(id)) => id.as_str(),
        _ => "",
    };
    (0..)
        .zip(captions(product))
        .map(|(index, caption)| ImageMetadata {
            id: MetadataId::Number(index),
            alt: Some((*caption).into()),
            size: Some((1200, 600)),
            content_type: Some("image/png".into()),
        })
        .collect()
}
/// The caption drawn, in an `ImageResponse` of the default size (no options given).
fn catalog_image(id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    let index = id.and_then(|id| id.to_url().parse::<usize>().ok());
    let caption = index.and_then(|i| captions(&param(request, "id")).get(i).copied()).unwrap_or("unknown");
    let (width, height) = ImageResponse::DEFAULT_SIZE;
    Ok(ImageReturn::Image(ImageResponse { width, height, background: [0xff, 0xff, 0xff], text: caption.into() }))
}
pub const CATALOG_IMAGE: MetadataCode = MetadataCode::Image { generate_image_metadata: Some(catalog_images), generate_static_params: None, image: catalog_image };

/// return-types/respond.js: the kinds, and the SVG returned as each.
const KINDS: [&str; 6] = ["blob", "array-buffer", "typed-array", "data-view", "stream", "response"];
const SQUARE: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\"><rect width=\"16\" height=\"16\" fill=\"#c0ffee\"/></svg>";
fn respond_as(id: Option<&MetadataId>) -> Result<ImageReturn, Thrown> {
    Ok(match id.map(MetadataId::to_url).as_deref() {
        Some("blob") => ImageReturn::NotAResponse("Blob"),
        Some("array-buffer") => ImageReturn::NotAResponse("ArrayBuffer"),
        Some("typed-array") => ImageReturn::NotAResponse("Uint8Array"),
        Some("data-view") => ImageReturn::NotAResponse("DataView"),
        Some("stream") => ImageReturn::NotAResponse("ReadableStream"),
        _ => ImageReturn::Response(WebResponse::bytes(SQUARE).with_header("content-type", "image/svg+xml")),
    })
}

/// return-types/icon.js: one 16x16 icon per kind.
fn return_type_icons(_params: Option<&Params>) -> Vec<ImageMetadata> {
    KINDS.iter().map(|kind| ImageMetadata { id: MetadataId::Text((*kind).into()), alt: None, size: Some((16, 16)), content_type: None }).collect()
}
fn return_type_icon(id: Option<&MetadataId>, _request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    respond_as(id)
}
pub const RETURN_TYPE_ICON: MetadataCode = MetadataCode::Image { generate_image_metadata: Some(return_type_icons), generate_static_params: None, image: return_type_icon };

/// return-types/opengraph-image.js: one 16x16 image per kind, alt `returned as <kind>`.
fn return_type_images(_params: Option<&Params>) -> Vec<ImageMetadata> {
    KINDS
        .iter()
        .map(|kind| ImageMetadata {
            id: MetadataId::Text((*kind).into()),
            alt: Some(format!("returned as {kind}")),
            size: Some((16, 16)),
            content_type: None,
        })
        .collect()
}
pub const RETURN_TYPE_IMAGE: MetadataCode = MetadataCode::Image { generate_image_metadata: Some(return_type_images), generate_static_params: None, image: return_type_icon };

/// local-asset/opengraph-image.js: `assets/logo.png` read from the project root and drawn, in an
/// `ImageResponse` of the default size.
fn local_asset_image(_id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    request.read_file("assets/logo.png")?;
    let (width, height) = ImageResponse::DEFAULT_SIZE;
    Ok(ImageReturn::Image(ImageResponse { width, height, background: [0xff, 0xff, 0xff], text: String::new() }))
}
pub const LOCAL_ASSET_IMAGE: MetadataCode = MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: local_asset_image };

/// local-asset/icon.js: `assets/logo.png` read from the project root and sent as it is.
fn local_asset_icon(_id: Option<&MetadataId>, request: &RouteRequest) -> Result<ImageReturn, Thrown> {
    let logo = request.read_file("assets/logo.png")?;
    Ok(ImageReturn::Response(WebResponse::bytes(logo).with_header("content-type", "image/png")))
}
pub const LOCAL_ASSET_ICON: MetadataCode = MetadataCode::Image { generate_image_metadata: None, generate_static_params: None, image: local_asset_icon };
