//! The bodies of answers as they go on the wire: whole with a known length ([`Body`]), or
//! chunk by chunk with chunked transfer encoding ([`Chunks`]).

use bytes::Bytes;
use http_body_util::{Either, Full};
use hyper::body::Frame;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A whole body, sent with its `Content-Length`.
pub type Body = Full<Bytes>;

/// A body of unknown length, sent chunk by chunk (chunked transfer encoding).
#[derive(Debug, Default)]
pub struct Chunks(VecDeque<Bytes>);

impl Chunks {
    pub fn new(chunks: Vec<Bytes>) -> Chunks {
        Chunks(chunks.into_iter().filter(|c| !c.is_empty()).collect())
    }
}

impl hyper::body::Body for Chunks {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        Poll::Ready(self.0.pop_front().map(|chunk| Ok(Frame::data(chunk))))
    }

    fn is_end_stream(&self) -> bool {
        self.0.is_empty()
    }
}

/// The body of an answer: whole with a known length, or chunked.
pub type WireBody = Either<Body, Chunks>;
